using System.Xml.Linq;
using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Publishing;

/// <summary>Builds a site from hand-built articles and reads its feeds back as XML.</summary>
internal static class PublishingTestSite
{
    public static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace MediaNs = "http://search.yahoo.com/mrss/";

    public static Task<PublishedSite> BuildAsync(AggregatorSettings settings, IEnumerable<PublishedArticle> articles, int maxPages = 10, IEnumerable<SourceHealth>? health = null) =>
        new SiteBuilder(PublishingSamples.Options(maxPages: maxPages))
            .BuildAsync(settings, new InMemoryArticleStore(articles, health), CancellationToken.None);

    public static XDocument Feed(PublishedSite site, string path)
    {
        var file = site.Find(path) ?? throw new InvalidOperationException($"no published file at {path}");
        using var stream = new MemoryStream(file.Content);
        return XDocument.Load(stream);
    }

    public static List<XElement> Entries(XDocument feed) => feed.Root!.Elements(AtomNs + "entry").ToList();

    public static string? Link(XElement parent, string rel) =>
        parent.Elements(AtomNs + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")?.Value;
}
