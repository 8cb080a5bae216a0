using System.Diagnostics;
using Aggregator.Http;
using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Pipeline;

/// <summary>
/// Polls a set of sources once, concurrently but bounded, then publishes: the job behind `run-once`
/// (and the daemon's catch-up), shared so both modes behave the same.
/// </summary>
internal sealed class AggregationRun(
    SourcePoller poller,
    IFeedPublisher publisher,
    IArticleStore store,
    ILogger<AggregationRun> logger,
    AggregatorMetrics? metrics = null)
{
    public async Task<RunReport> RunAsync(
        AggregatorSettings settings,
        IReadOnlyList<SourceDefinition> sources,
        IProgress<PollReport>? progress,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rowsBefore = (await store.GetStatisticsAsync(cancellationToken)).RowsWritten;
        await store.SyncSourcesAsync(settings.Sources, cancellationToken);

        var reports = new PollReport[sources.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, settings.MaxConcurrentFetches),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), parallel, async (index, token) =>
        {
            var report = await PollSafelyAsync(sources[index], token);
            reports[index] = report;
            metrics?.RecordPoll(report);
            progress?.Report(report);
        });

        var publish = await publisher.PublishAsync(settings, store, cancellationToken);
        var rowsWritten = (await store.GetStatisticsAsync(cancellationToken)).RowsWritten - rowsBefore;
        return new RunReport(reports, publish, Stopwatch.GetElapsedTime(started), rowsWritten);
    }

    private async Task<PollReport> PollSafelyAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        try
        {
            return await poller.PollAsync(source, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store or a stage threw: report it against this source and let the others finish.
            logger.LogError(exception, "Source {SourceId} failed unexpectedly", source.Id);
            return new PollReport
            {
                Source = source,
                Status = PollStatus.Failed,
                Error = $"{exception.GetType().Name}: {exception.Message}",
            };
        }
    }
}
