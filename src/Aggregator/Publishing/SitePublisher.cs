using Aggregator.Model;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

/// <summary>
/// The publish stage: builds the site in memory, writes each changed file atomically under the output
/// folder, and lets the built site go. It keeps no copy of it: the entry cache keeps where on disk every
/// cached entry is, and an HTTP server takes the site it needs from
/// <see cref="PublishSiteAsync"/>.
/// </summary>
internal sealed class SitePublisher(
    SiteBuilder builder,
    SiteFileWriter writer,
    IOptions<PublishingOptions> options,
    ILogger<SitePublisher> logger) : IFeedPublisher, IDisposable
{
    // Two publishes at once would race on the same temp-and-rename sequence for nothing.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<PublishReport> PublishAsync(AggregatorSettings settings, IArticleStore store, CancellationToken cancellationToken) =>
        (await PublishSiteAsync(settings, store, keepHashes: false, cancellationToken)).Report;

    /// <summary>
    /// Publishes, and returns the site just written besides the report (its files are on disk when
    /// this returns; archive pages without their bytes, with their hashes: <see cref="PublishedFile.Written"/>).
    /// </summary>
    public Task<(PublishReport Report, PublishedSite Site)> PublishSiteAsync(AggregatorSettings settings, IArticleStore store, CancellationToken cancellationToken) =>
        PublishSiteAsync(settings, store, keepHashes: true, cancellationToken);

    private async Task<(PublishReport Report, PublishedSite Site)> PublishSiteAsync(AggregatorSettings settings, IArticleStore store, bool keepHashes, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var root = options.Value.OutputDirectory;
            var site = await builder.BuildAsync(settings, store, new ArchivePageWriter(root, (pages, token) => writer.WriteNowAsync(pages, root, keepHashes, token)), cancellationToken);
            var result = await writer.WriteAsync(site, root, cancellationToken);
            // Only now are the pages on disk as built: the cache may point into them.
            builder.Spill(root);
            logger.LogInformation(
                "Published {FileCount} files to {OutputDirectory}: {WrittenCount} written, {UnchangedCount} unchanged, {RemovedCount} stale pages removed",
                site.Files.Count, root, result.Written.Count, result.Unchanged.Count, result.Removed.Count);
            return (new PublishReport(result.Written, result.Unchanged), site);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
