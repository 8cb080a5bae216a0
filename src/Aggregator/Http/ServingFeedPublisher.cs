using System.Diagnostics;
using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Storage;

namespace Aggregator.Http;

/// <summary>
/// The <see cref="IFeedPublisher"/> of `serve`: publishes through <see cref="SitePublisher"/> and then
/// hands the new site to <see cref="ServedSite"/>. Registered in its place by
/// <c>AddAggregatorHttp</c>, so every publish — start-up, AggregationRun, a scheduler's publish job —
/// refreshes what HTTP serves without any of them knowing HTTP exists.
/// </summary>
internal sealed class ServingFeedPublisher(SitePublisher publisher, ServedSite site, AggregatorMetrics metrics) : IFeedPublisher
{
    public async Task<PublishReport> PublishAsync(AggregatorSettings settings, IArticleStore store, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (report, published) = await publisher.PublishSiteAsync(settings, store, cancellationToken);
        site.Update(published);
        metrics.RecordPublish(Stopwatch.GetElapsedTime(started));
        return report;
    }
}
