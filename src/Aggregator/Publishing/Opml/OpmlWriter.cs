using System.Text;
using System.Xml;
using Aggregator.Model;

namespace Aggregator.Publishing.Opml;

/// <summary>
/// OPML 2.0 of the enabled configured sources: one <c>outline type="rss"</c> each, with its categories
/// in the OPML <c>category</c> attribute ("/name" paths, comma separated). Optionally a second group
/// with the site's merged feeds (off by default: importing both would subscribe to every story twice).
/// No dateCreated: the bytes depend only on the configuration.
/// </summary>
internal static class OpmlWriter
{
    public const string ContentType = "text/x-opml; charset=utf-8";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public static byte[] Write(AggregatorSettings settings, IReadOnlyList<FeedSummary>? mergedFeeds)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", XmlText.SingleLine(settings.Site.Title));
            if (!string.IsNullOrWhiteSpace(settings.Site.Author))
                xml.WriteElementString("ownerName", XmlText.SingleLine(settings.Site.Author));
            xml.WriteEndElement();
            xml.WriteStartElement("body");
            foreach (var source in settings.Sources.Where(s => s.Enabled))
                WriteSource(xml, source);
            if (mergedFeeds is { Count: > 0 })
                WriteMergedFeeds(xml, settings.Site, mergedFeeds);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteSource(XmlWriter xml, SourceDefinition source)
    {
        var title = XmlText.SingleLine(source.Title);
        xml.WriteStartElement("outline");
        xml.WriteAttributeString("type", "rss");
        xml.WriteAttributeString("text", title);
        xml.WriteAttributeString("title", title);
        xml.WriteAttributeString("xmlUrl", source.Url.AbsoluteUri);
        // OPML 2.0 category: comma-separated, slash-delimited paths; commas and slashes in a name would split it.
        var categories = source.Categories
            .Select(c => "/" + XmlText.SingleLine(c).Replace(',', ' ').Replace('/', ' ').Trim())
            .Where(c => c.Length > 1)
            .Distinct(StringComparer.Ordinal);
        var category = string.Join(",", categories);
        if (category.Length > 0)
            xml.WriteAttributeString("category", category);
        xml.WriteEndElement();
    }

    private static void WriteMergedFeeds(XmlWriter xml, SiteDefinition site, IReadOnlyList<FeedSummary> feeds)
    {
        var siteTitle = XmlText.SingleLine(site.Title);
        xml.WriteStartElement("outline");
        xml.WriteAttributeString("text", siteTitle);
        xml.WriteAttributeString("title", siteTitle);
        foreach (var feed in feeds)
        {
            xml.WriteStartElement("outline");
            xml.WriteAttributeString("type", "rss");
            xml.WriteAttributeString("text", feed.Title);
            xml.WriteAttributeString("title", feed.Title);
            xml.WriteAttributeString("xmlUrl", SitePaths.Absolute(site.BaseUrl, feed.Path).AbsoluteUri);
            xml.WriteAttributeString("htmlUrl", SitePaths.EnsureSlash(site.BaseUrl).AbsoluteUri);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
