using System.Xml.Linq;
using Aggregator.Model;

namespace Aggregator.Tests.Support;

/// <summary>
/// A minimal reader of the generated benchmark corpus (RSS 2.0, Atom 1.0, RSS 1.0) into ParsedFeed,
/// standing in for the parse stage so the normalizer can be checked against the generator's truth.
/// </summary>
internal static class NormalizingCorpusReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    private static readonly XNamespace Xml = XNamespace.Xml;

    public static ParsedFeed Read(string path)
    {
        var root = XDocument.Load(path).Root!;
        return root.Name.LocalName switch
        {
            "rss" => ReadRss(root.Element("channel")!),
            "feed" => ReadAtom(root),
            _ => ReadRdf(root),
        };
    }

    private static ParsedFeed ReadRss(XElement channel) => new()
    {
        Format = FeedFormat.Rss20,
        Title = (string?)channel.Element("title"),
        Link = (string?)channel.Element("link"),
        Language = (string?)channel.Element("language"),
        Entries = channel.Elements("item").Select(item => new ParsedEntry
        {
            Id = (string?)item.Element("guid"),
            Title = (string?)item.Element("title"),
            Link = (string?)item.Element("link"),
            Published = (string?)item.Element("pubDate"),
            Authors = item.Elements(Dc + "creator").Select(e => e.Value).ToList(),
            Categories = item.Elements("category").Select(e => e.Value).ToList(),
            Content = (string?)item.Element(Content + "encoded"),
            Summary = (string?)item.Element("description"),
            Media = item.Elements(Media + "thumbnail").Select(e => new MediaReference((string)e.Attribute("url")!, MediaKind.MediaThumbnail))
                .Concat(item.Elements("enclosure").Select(e => new MediaReference((string)e.Attribute("url")!, MediaKind.Enclosure, (string?)e.Attribute("type"))))
                .ToList(),
        }).ToList(),
    };

    private static ParsedFeed ReadAtom(XElement feed) => new()
    {
        Format = FeedFormat.Atom10,
        Title = (string?)feed.Element(Atom + "title"),
        Link = (string?)feed.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "alternate")?.Attribute("href"),
        Language = (string?)feed.Attribute(Xml + "lang"),
        Entries = feed.Elements(Atom + "entry").Select(entry => new ParsedEntry
        {
            Id = (string?)entry.Element(Atom + "id"),
            Title = (string?)entry.Element(Atom + "title"),
            Link = (string?)entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "alternate")?.Attribute("href"),
            Published = (string?)entry.Element(Atom + "published"),
            Updated = (string?)entry.Element(Atom + "updated"),
            Authors = entry.Elements(Atom + "author").Select(a => (string?)a.Element(Atom + "name") ?? "").ToList(),
            Categories = entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term") ?? "").ToList(),
            Content = (string?)entry.Element(Atom + "content"),
            Summary = (string?)entry.Element(Atom + "summary"),
            Media = entry.Elements(Media + "thumbnail").Select(e => new MediaReference((string)e.Attribute("url")!, MediaKind.MediaThumbnail))
                .Concat(entry.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "enclosure")
                    .Select(l => new MediaReference((string)l.Attribute("href")!, MediaKind.Enclosure, (string?)l.Attribute("type"))))
                .ToList(),
        }).ToList(),
    };

    private static ParsedFeed ReadRdf(XElement rdf)
    {
        var channel = rdf.Element(Rss1 + "channel")!;
        return new ParsedFeed
        {
            Format = FeedFormat.Rss10,
            Title = (string?)channel.Element(Rss1 + "title"),
            Link = (string?)channel.Element(Rss1 + "link"),
            Language = (string?)channel.Element(Dc + "language"),
            Entries = rdf.Elements(Rss1 + "item").Select(item => new ParsedEntry
            {
                Id = (string?)item.Attributes().FirstOrDefault(a => a.Name.LocalName == "about"),
                Title = (string?)item.Element(Rss1 + "title"),
                Link = (string?)item.Element(Rss1 + "link"),
                Published = (string?)item.Element(Dc + "date"),
                Authors = item.Elements(Dc + "creator").Select(e => e.Value).ToList(),
                Categories = item.Elements(Dc + "subject").Select(e => e.Value).ToList(),
                Content = (string?)item.Element(Content + "encoded"),
                Summary = (string?)item.Element(Rss1 + "description"),
            }).ToList(),
        };
    }
}
