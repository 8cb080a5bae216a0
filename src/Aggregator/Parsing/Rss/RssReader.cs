using Aggregator.Model;
using Aggregator.Parsing.Extensions;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Rss;

/// <summary>
/// Reads RSS 0.9x, 1.0 (RDF) and 2.0 from the root element into <see cref="RssChannel"/>. Elements are
/// matched by local name whatever their namespace, except the known extensions; in RDF the items are
/// siblings of the channel, in RSS 2.0 its children — both are accepted everywhere.
/// </summary>
internal static class RssReader
{
    public static void Read(FeedXmlReader cursor, RssChannel channel)
    {
        var reader = cursor.Reader;
        var rootDepth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return;
        }

        while (cursor.NextChild(rootDepth))
        {
            switch (reader.LocalName)
            {
                case "channel" when !reader.IsEmptyElement:
                    ReadChannel(cursor, channel);
                    break;
                case "item":
                    channel.Items.Add(ReadItem(cursor));
                    break;
            }
        }
    }

    private static void ReadChannel(FeedXmlReader cursor, RssChannel channel)
    {
        var reader = cursor.Reader;
        var depth = reader.Depth;
        while (cursor.NextChild(depth))
        {
            if (cursor.Names.IsExtension(reader.NamespaceURI))
            {
                ExtensionReader.TryRead(cursor, channel.Extensions);
                continue;
            }

            switch (reader.LocalName)
            {
                case "item":
                    channel.Items.Add(ReadItem(cursor));
                    break;
                case "title":
                    channel.Title ??= cursor.ReadText();
                    break;
                case "link":
                    channel.Link ??= ReadLink(cursor);
                    break;
                case "language":
                    channel.Language ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "managingEditor":
                    channel.ManagingEditor ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
            }
        }
    }

    private static RssItem ReadItem(FeedXmlReader cursor)
    {
        var reader = cursor.Reader;
        var item = new RssItem
        {
            // GetAttribute(name, namespace) hashes both strings into the name table even when there are no attributes.
            About = reader.HasAttributes ? reader.GetAttribute("about", FeedNames.RdfUri) : null,
            BaseUri = cursor.ExplicitBase,
        };
        if (reader.IsEmptyElement)
        {
            return item;
        }

        var depth = reader.Depth;
        while (cursor.NextChild(depth))
        {
            if (cursor.Names.IsExtension(reader.NamespaceURI))
            {
                ExtensionReader.TryRead(cursor, item.Extensions);
                continue;
            }

            // <szf:description> from some module is not the item's description: a prefixed element counts
            // only in an RSS namespace (feedparser's rule; its "local name clash" tests).
            if (reader.Prefix.Length > 0 && !IsRssNamespace(reader.NamespaceURI))
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "title":
                    item.Title ??= cursor.ReadText();
                    break;
                case "link" when reader.GetAttribute("rel") is { } rel && rel != "alternate":
                    if (rel == "enclosure" && cursor.ResolvedAttribute("href") is { Length: > 0 } href)
                    {
                        (item.Enclosures ??= []).Add(new MediaReference(href, MediaKind.Enclosure, reader.GetAttribute("type"), ExtensionReader.ParseLength(reader.GetAttribute("length"))));
                    }

                    break;
                case "link":
                    item.Link ??= ReadLink(cursor);
                    break;
                case "body" or "fullitem":
                    item.Body ??= reader.LocalName == "body" ? cursor.ReadBodyMarkup(unwrapDiv: false) : cursor.ReadBody();
                    break;
                case "id":
                    item.Id ??= ExtensionReader.NonEmpty(cursor.ReadPlainText());
                    break;
                case "updated":
                    item.Updated ??= ExtensionReader.NonEmpty(cursor.ReadPlainText());
                    break;
                case "description":
                    item.Description ??= cursor.ReadBody();
                    break;
                case "guid":
                    item.GuidIsPermaLink = !string.Equals(reader.GetAttribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
                    item.Guid ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "pubDate":
                    item.PubDate ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "author":
                    item.Author ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "category" when ExtensionReader.NonEmpty(cursor.ReadPlainText()) is { } category:
                    (item.Categories ??= []).Add(category);
                    break;
                case "comments":
                    item.Comments ??= ExtensionReader.NonEmpty(cursor.ReadText()) is { } comments ? cursor.Resolve(comments) : null;
                    break;
                case "enclosure":
                    if (cursor.ResolvedAttribute("url") is { Length: > 0 } url)
                    {
                        var length = ExtensionReader.ParseLength(reader.GetAttribute("length"));
                        (item.Enclosures ??= []).Add(new MediaReference(url, MediaKind.Enclosure, reader.GetAttribute("type"), length));
                    }

                    break;
                case "source":
                    item.SourceTitle ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
            }
        }

        return item;
    }

    /// <summary>The namespaces RSS itself has been given over the years (feedparser's list).</summary>
    private static bool IsRssNamespace(string ns) => ns is FeedNames.Rss10Uri or FeedNames.Rss090Uri
        or "http://backend.userland.com/rss2" or "http://backend.userland.com/rss" or "http://blogs.law.harvard.edu/tech/rss"
        or "http://purl.org/rss/1.0/modules/rss091#";

    /// <summary>The link's text resolved against xml:base; some feeds write an href attribute instead.</summary>
    private static string? ReadLink(FeedXmlReader cursor)
    {
        var href = cursor.Reader.GetAttribute("href");
        var text = ExtensionReader.NonEmpty(cursor.ReadText()) ?? ExtensionReader.NonEmpty(href);
        return text is null ? null : cursor.Resolve(text);
    }
}
