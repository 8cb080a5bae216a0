using System.Text;
using System.Xml;
using Aggregator.Model;
using Aggregator.Storage;

namespace Aggregator.Publishing.Atom;

/// <summary>Renders one atom:entry for a stored article, as a fragment the feed writer splices in.</summary>
internal sealed class AtomEntryWriter(Uri categoryScheme, IReadOnlySet<string> configuredCategories)
{
    /// <summary>Entries are written without a namespace: they inherit the feed's default (Atom) one.</summary>
    private const string Local = "";

    /// <summary>
    /// The entry's atom:updated: the store's last change when the content changed after it was first
    /// seen, else the entry's own updated time, else its published time (never before published);
    /// whole seconds plus a fixed per-entry fraction of microseconds (see <see cref="TieBreak"/>).
    /// </summary>
    public static DateTimeOffset Updated(PublishedArticle published) =>
        Updated(published.ArticleId, published.Article.Published, published.Article.Updated, published.FirstSeen, published.LastChanged);

    /// <summary>The same time from a feed's light key (what a republish reads before any body).</summary>
    public static DateTimeOffset Updated(LatestArticleKey key) =>
        Updated(key.ArticleId, key.Published, key.Updated, key.FirstSeen, key.LastChanged);

    private static DateTimeOffset Updated(string articleId, DateTimeOffset published, DateTimeOffset? entryUpdated, DateTimeOffset firstSeen, DateTimeOffset lastChanged)
    {
        var updated = lastChanged > firstSeen ? lastChanged : entryUpdated ?? published;
        if (updated < published)
            updated = published;
        var seconds = updated.ToUniversalTime();
        seconds = seconds.AddTicks(-(seconds.Ticks % TimeSpan.TicksPerSecond));
        return seconds.AddTicks(TieBreak(articleId) * TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>
    /// Many sources give minutes only, so entries of one feed often share a second, and the W3C
    /// validator warns when two entries share an atom:updated value. A microsecond fraction derived
    /// from the article id alone keeps them apart (a clash needs two ids of one second to hash alike,
    /// one in a million) without depending on the neighbours, so an entry's updated never changes
    /// because another entry arrived.
    /// </summary>
    public static int TieBreak(string articleId)
    {
        var bytes = NameBasedUuid.Create(NameBasedUuid.EntryNamespace, articleId).ToByteArray(bigEndian: true);
        return (int)(BitConverter.ToUInt32(bytes, 12) % 1_000_000);
    }

    private static readonly XmlWriterSettings FragmentSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
        // Entries sit one level inside atom:feed; every indentation line break carries that level.
        NewLineChars = "\n  ",
        // Line breaks inside text stay as they are (only CR and breaks in attributes become references).
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
    };

    /// <summary>
    /// The entry as a UTF-8 fragment (<c>&lt;entry&gt;…&lt;/entry&gt;</c>, indented for depth 1) with
    /// unprefixed names: spliced into an atom:feed whose default namespace is Atom, it is an atom:entry.
    /// </summary>
    public byte[] Render(PublishedArticle published)
    {
        using var buffer = new MemoryStream(published.Article.Body.Length + 2048);
        using (var xml = XmlWriter.Create(buffer, FragmentSettings))
            Write(xml, published);
        return buffer.ToArray();
    }

    private void Write(XmlWriter xml, PublishedArticle published)
    {
        var article = published.Article;
        xml.WriteStartElement("entry");
        xml.WriteElementString("id", NameBasedUuid.EntryUrn(published.ArticleId));
        WriteText(xml, Local, "title", Fallback(XmlText.SingleLine(article.Title), "(no title)"));
        var alternate = AbsoluteOrNull(article.Link);
        if (alternate is not null)
            WriteLink(xml, Local, "alternate", alternate, "text/html", title: null);
        WriteRelated(xml, published, alternate);
        var thumbnail = AbsoluteOrNull(article.Thumbnail);
        if (thumbnail is not null)
            WriteLink(xml, Local, "enclosure", thumbnail, ImageMimeTypes.FromUrl(thumbnail), title: null);
        xml.WriteElementString("published", AtomNames.Rfc3339(article.Published));
        xml.WriteElementString("updated", AtomNames.Rfc3339Micros(Updated(published)));
        xml.WriteStartElement("author");
        var author = Fallback(XmlText.SingleLine(article.Author), XmlText.SingleLine(published.SourceTitle));
        xml.WriteElementString("name", Fallback(author, "unknown"));
        xml.WriteEndElement();
        WriteCategories(xml, article.Categories);
        var summary = XmlText.Clean(article.Summary).Trim();
        if (summary.Length > 0)
            WriteText(xml, Local, "summary", summary);
        xml.WriteStartElement("content");
        xml.WriteAttributeString("type", "html");
        xml.WriteString(XmlText.Clean(article.Body));
        xml.WriteEndElement();
        if (thumbnail is not null)
        {
            // A fragment cannot see the feed's xmlns:media, so the element declares it again (harmless).
            xml.WriteStartElement("media", "thumbnail", AtomNames.Media);
            xml.WriteAttributeString("url", thumbnail);
            xml.WriteEndElement();
        }
        WriteSource(xml, published);
        xml.WriteEndElement();
    }

    private static void WriteRelated(XmlWriter xml, PublishedArticle published, string? alternate)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (alternate is not null)
            seen.Add(alternate);
        foreach (var report in published.AlsoReportedBy)
        {
            var href = AbsoluteOrNull(report.Link);
            // The same URL as the alternate (or another related) says nothing new and would repeat a link.
            if (href is null || !seen.Add(href))
                continue;
            WriteLink(xml, Local, "related", href, type: null, title: Fallback(XmlText.SingleLine(report.SourceTitle), report.SourceId));
        }
    }

    private void WriteCategories(XmlWriter xml, IReadOnlyList<string> categories)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in categories)
        {
            var name = XmlText.SingleLine(raw);
            if (name.Length == 0 || !seen.Add(name))
                continue;
            xml.WriteStartElement("category");
            xml.WriteAttributeString("term", name);
            // Only the site's own categories belong to its scheme; an entry's own tags have none.
            if (configuredCategories.Contains(name))
                xml.WriteAttributeString("scheme", categoryScheme.AbsoluteUri);
            xml.WriteAttributeString("label", name);
            xml.WriteEndElement();
        }
    }

    private static void WriteSource(XmlWriter xml, PublishedArticle published)
    {
        xml.WriteStartElement("source");
        xml.WriteElementString("id", published.SourceUrl.AbsoluteUri);
        WriteText(xml, Local, "title", Fallback(XmlText.SingleLine(published.SourceTitle), published.Article.SourceId));
        WriteLink(xml, Local, "self", published.SourceUrl.AbsoluteUri, type: null, title: null);
        // The origin feed's own updated is not kept; the time this entry last took content from it is
        // the honest stand-in (the W3C validator warns on a source without one).
        xml.WriteElementString("updated", AtomNames.Rfc3339Micros(Updated(published)));
        xml.WriteEndElement();
    }

    internal static void WriteLink(XmlWriter xml, string ns, string rel, string href, string? type, string? title)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        if (type is not null)
            xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        if (title is not null)
            xml.WriteAttributeString("title", title);
        xml.WriteEndElement();
    }

    internal static void WriteText(XmlWriter xml, string ns, string name, string text)
    {
        xml.WriteStartElement(name, ns);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static string Fallback(string value, string fallback) => value.Length > 0 ? value : fallback;

    /// <summary>The URL as an absolute http(s) IRI, or null: a relative or broken link cannot be an Atom href.</summary>
    private static string? AbsoluteOrNull(string? url)
    {
        var clean = XmlText.SingleLine(url);
        if (clean.Length == 0 || clean.Contains(' '))
            return null;
        return Uri.TryCreate(clean, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? clean
            : null;
    }
}
