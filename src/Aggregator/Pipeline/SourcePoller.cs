using System.Diagnostics;
using Aggregator.Fetching;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Pipeline;

/// <summary>
/// The one place that orders the stages for a source: fetch → parse → normalize → store. Stages never
/// call each other; they hand over model records here. Every failure becomes a report, so one broken
/// source never stops the others.
/// </summary>
internal sealed class SourcePoller(
    IFeedFetcher fetcher,
    IFeedParser parser,
    IArticleNormalizer normalizer,
    IArticleStore store,
    TimeProvider time,
    ILogger<SourcePoller> logger)
{
    private readonly ChangedEntries changedEntries = new(parser, normalizer, store);

    public async Task<PollReport> PollAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var health = await store.GetHealthAsync(source.Id, cancellationToken);
        var now = time.GetUtcNow();
        if (Deferral(health, now) is { } reason)
        {
            // Debug: the daemon meets a paused source on every tick; the run summary and /health show deferrals.
            logger.LogDebug("Skipping {SourceId}: {Reason}", source.Id, reason);
            return new PollReport { Source = source, Status = PollStatus.Deferred, Error = reason };
        }

        var conditions = new FetchConditions(health.ETag, health.LastModified);
        var outcome = await fetcher.FetchAsync(source, conditions, cancellationToken);
        if (outcome.Status != FetchStatus.Fetched || outcome.Payload is null)
            return await FinishWithoutContentAsync(source, outcome, started, cancellationToken);

        ChangedEntries.Result found;
        try
        {
            found = await changedEntries.FindAsync(outcome.Payload, source, time.GetUtcNow(), cancellationToken);
            foreach (var warning in found.Warnings)
                logger.LogWarning("Source {SourceId}: {Warning}", source.Id, warning);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var parseError = exception is FeedParseException
                ? exception.Message
                : $"normalize: unexpected {exception.GetType().Name}: {exception.Message}";
            if (exception is not FeedParseException)
                logger.LogError(exception, "Source {SourceId}: unexpected failure after fetching", source.Id);
            await store.RecordPollAsync(source, outcome, parseError, time.GetUtcNow(), cancellationToken);
            logger.LogWarning("Source {SourceId} at {FeedUrl} failed: {Error}", source.Id, source.Url, parseError);
            return Report(source, PollStatus.Failed, started, outcome) with { Error = parseError };
        }
        finally
        {
            // Parsed and normalized: nothing refers to the document's bytes any more.
            PooledBody.Release(outcome.Payload);
        }

        var ingest = found.Changed.Count > 0
            ? await store.IngestAsync(source, found.Changed, time.GetUtcNow(), cancellationToken)
            : IngestResult.Empty;
        ingest = ingest with { Unchanged = ingest.Unchanged + found.Unchanged };
        await store.RecordPollAsync(source, outcome, null, time.GetUtcNow(), cancellationToken);
        logger.LogInformation(
            "Polled {SourceId}: {Entries} entries, {Added} new, {Updated} updated, {Merged} merged, {Unchanged} unchanged",
            source.Id, found.Entries, ingest.Added, ingest.Updated, ingest.Merged, ingest.Unchanged);
        return Report(source, PollStatus.Ok, started, outcome) with { Ingest = ingest, Entries = found.Entries };
    }

    private async Task<PollReport> FinishWithoutContentAsync(
        SourceDefinition source, FetchOutcome outcome, long started, CancellationToken cancellationToken)
    {
        await store.RecordPollAsync(source, outcome, null, time.GetUtcNow(), cancellationToken);
        if (outcome.Status == FetchStatus.NotModified)
        {
            logger.LogInformation("Source {SourceId} not modified", source.Id);
            return Report(source, PollStatus.NotModified, started, outcome);
        }

        var error = outcome.Error ?? "fetch: failed without a reason";
        logger.LogWarning("Source {SourceId} at {FeedUrl} failed: {Error}", source.Id, source.Url, error);
        return Report(source, PollStatus.Failed, started, outcome) with { Error = error };
    }

    private static string? Deferral(SourceHealth health, DateTimeOffset now)
    {
        if (health.Paused)
            return $"paused after {health.ConsecutiveFailures} consecutive failures (last: {health.LastError})";
        if (health.NextAttemptAfter is { } next && next > now)
            return $"backing off until {next.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z (last: {health.LastError})";
        return null;
    }

    private static PollReport Report(SourceDefinition source, PollStatus status, long started, FetchOutcome outcome) =>
        new()
        {
            Source = source,
            Status = status,
            HttpStatus = outcome.HttpStatus,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
}
