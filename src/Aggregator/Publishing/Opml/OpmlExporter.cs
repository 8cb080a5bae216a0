using Aggregator.Model;
using Aggregator.Publishing.Atom;

namespace Aggregator.Publishing.Opml;

/// <summary>The <c>export opml</c> command's work: the sources (and optionally the merged feeds) as one OPML file.</summary>
internal sealed class OpmlExporter(AtomicFileWriter writer)
{
    /// <summary>The OPML bytes; with <paramref name="includeMergedFeeds"/>, the site's feed of everything and one per category.</summary>
    public static byte[] Build(AggregatorSettings settings, bool includeMergedFeeds) =>
        OpmlWriter.Write(settings, includeMergedFeeds ? MergedFeeds(settings) : null);

    /// <summary>Writes the OPML to <paramref name="path"/> atomically; false when the file already held these bytes.</summary>
    public Task<bool> ExportAsync(AggregatorSettings settings, string path, bool includeMergedFeeds, CancellationToken cancellationToken) =>
        writer.WriteIfChangedAsync(Path.GetFullPath(path), Build(settings, includeMergedFeeds), cancellationToken);

    private static List<FeedSummary> MergedFeeds(AggregatorSettings settings)
    {
        var feeds = new List<FeedSummary> { new(settings.Site.Title, SitePaths.AllSlug, FeedTitles.All(settings.Site), 0, AtomNames.EmptyFeedUpdated) };
        feeds.AddRange(settings.Categories.Select(c => new FeedSummary(c.Name, c.Slug, FeedTitles.Category(settings.Site, c), 0, AtomNames.EmptyFeedUpdated)));
        return feeds;
    }
}
