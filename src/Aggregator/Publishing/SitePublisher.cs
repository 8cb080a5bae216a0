using Aggregator.Model;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

/// <summary>
/// The publish stage: builds the site in memory, keeps it as <see cref="Current"/> (what an HTTP
/// server hands out), and writes each changed file atomically under the output folder.
/// </summary>
internal sealed class SitePublisher(
    SiteBuilder builder,
    SiteFileWriter writer,
    IOptions<PublishingOptions> options,
    ILogger<SitePublisher> logger) : IFeedPublisher, IDisposable
{
    // Two publishes at once would race on the same temp-and-rename sequence for nothing.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The site of the latest successful publish, or null before the first.</summary>
    public PublishedSite? Current { get; private set; }

    public async Task<PublishReport> PublishAsync(AggregatorSettings settings, IArticleStore store, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var site = (await builder.BuildAsync(settings, store, cancellationToken)).SharingBytesWith(Current);
            var result = await writer.WriteAsync(site, options.Value.OutputDirectory, Current, cancellationToken);
            Current = site;
            logger.LogInformation(
                "Published {FileCount} files to {OutputDirectory}: {WrittenCount} written, {UnchangedCount} unchanged, {RemovedCount} stale pages removed",
                site.Files.Count, options.Value.OutputDirectory, result.Written.Count, result.Unchanged.Count, result.Removed.Count);
            return new PublishReport(result.Written, result.Unchanged);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
