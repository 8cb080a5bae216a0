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
    public async Task<PollReport> PollAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var health = await store.GetHealthAsync(source.Id, cancellationToken);
        var now = time.GetUtcNow();
        if (Deferral(health, now) is { } reason)
        {
            logger.LogInformation("Skipping {SourceId}: {Reason}", source.Id, reason);
            return new PollReport { Source = source, Status = PollStatus.Deferred, Error = reason };
        }

        var conditions = new FetchConditions(health.ETag, health.LastModified);
        var outcome = await fetcher.FetchAsync(source, conditions, cancellationToken);
        if (outcome.Status != FetchStatus.Fetched || outcome.Payload is null)
            return await FinishWithoutContentAsync(source, outcome, started, cancellationToken);

        var articles = ParseAndNormalize(source, outcome.Payload, time.GetUtcNow(), out var entries, out var parseError);
        if (parseError is not null)
        {
            await store.RecordPollAsync(source, outcome, parseError, time.GetUtcNow(), cancellationToken);
            logger.LogWarning("Source {SourceId} at {FeedUrl} failed: {Error}", source.Id, source.Url, parseError);
            return Report(source, PollStatus.Failed, started, outcome) with { Error = parseError };
        }

        var ingest = await store.IngestAsync(source, articles, time.GetUtcNow(), cancellationToken);
        await store.RecordPollAsync(source, outcome, null, time.GetUtcNow(), cancellationToken);
        logger.LogInformation(
            "Polled {SourceId}: {Entries} entries, {Added} new, {Updated} updated, {Merged} merged",
            source.Id, entries, ingest.Added, ingest.Updated, ingest.Merged);
        return Report(source, PollStatus.Ok, started, outcome) with { Ingest = ingest, Entries = entries };
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

    private IReadOnlyList<Article> ParseAndNormalize(
        SourceDefinition source, FeedPayload payload, DateTimeOffset seenAt, out int entries, out string? error)
    {
        entries = 0;
        error = null;
        try
        {
            var feed = parser.Parse(payload);
            entries = feed.Entries.Count;
            foreach (var warning in feed.Warnings)
                logger.LogWarning("Source {SourceId}: {Warning}", source.Id, warning);
            return normalizer.Normalize(feed, source, seenAt);
        }
        catch (FeedParseException exception)
        {
            error = exception.Message;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in a stage must cost one source, not the run; the message keeps the stage's name.
            logger.LogError(exception, "Source {SourceId}: unexpected failure while parsing", source.Id);
            error = $"parse: unexpected {exception.GetType().Name}: {exception.Message}";
        }

        return [];
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
