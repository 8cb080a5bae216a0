using System.Xml.Linq;

namespace Aggregator.Tests.Http.Clients;

/// <summary>
/// One feed `serve` hands out, read back from the very bytes it serves (as kept by
/// <c>ServedSite</c> and the archive page files it reads), so a client's view is compared with what was published, not with constants.
/// </summary>
internal sealed record ExpectedFeed(string Path, string Title, IReadOnlyList<ExpectedEntry> Entries)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Every Atom file of the served files: category feeds, all.atom and archive pages.</summary>
    public static IReadOnlyList<ExpectedFeed> AllOf(IEnumerable<(string Path, byte[] Content)> files) =>
        files
            .Where(file => file.Path.EndsWith(".atom", StringComparison.Ordinal))
            .Select(file => Read(file.Path, file.Content))
            .OrderBy(feed => feed.Path, StringComparer.Ordinal)
            .ToList();

    private static ExpectedFeed Read(string path, byte[] content)
    {
        using var stream = new MemoryStream(content);
        var root = XDocument.Load(stream).Root!;
        var entries = root.Elements(Atom + "entry").Select(entry => new ExpectedEntry(
            entry.Element(Atom + "id")!.Value,
            entry.Element(Atom + "title")!.Value,
            entry.Elements(Atom + "link").Single(link => (string?)link.Attribute("rel") is null or "alternate").Attribute("href")!.Value,
            entry.Element(Atom + "published")?.Value ?? string.Empty,
            entry.Element(Atom + "updated")!.Value,
            entry.Element(Atom + "author")!.Element(Atom + "name")!.Value)).ToList();
        return new ExpectedFeed(path, root.Element(Atom + "title")!.Value, entries);
    }
}
