using Aggregator.Http;
using Aggregator.Pipeline;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Polls one source (its id is in the job data) with the definition configured now, and asks for a
/// publish when the poll changed the store. Never two polls of the same source at once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SourcePollJob(
    CurrentConfiguration configuration,
    SourcePoller poller,
    PublishDebouncer publisher,
    PollCancellation shutdown,
    AggregatorMetrics metrics,
    ILogger<SourcePollJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var sourceId = context.MergedJobDataMap.GetString(SourceJobScheduler.SourceIdKey) ?? context.JobDetail.Key.Name;
        var source = configuration.Find(sourceId);
        if (source is null || !source.Enabled)
        {
            // A reload removed it between the trigger firing and now.
            logger.LogDebug("Source {SourceId} is no longer configured; skipping", sourceId);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, shutdown.Token);
        try
        {
            var report = await poller.PollAsync(source, linked.Token);
            metrics.RecordPoll(report);
            if (report.Status == PollStatus.Deferred)
                logger.LogDebug("Source {SourceId} deferred: {Reason}", sourceId, report.Error);
            if (report.Ingest.ChangedAnything)
                publisher.Request();
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            logger.LogInformation("Poll of {SourceId} cancelled by shutdown", sourceId);
        }
        catch (Exception exception)
        {
            // Rethrowing would only make Quartz log it again; the next trigger polls again anyway.
            logger.LogError(exception, "Source {SourceId} failed unexpectedly", sourceId);
        }
    }
}
