using Aggregator.Model;

namespace Aggregator.Storage;

/// <summary>
/// How one poll changes a source's health. Failures back off by doubling from
/// <see cref="StorageOptions.BackoffBase"/> (1 min, 2, 4 … capped at <see cref="StorageOptions.BackoffCap"/>,
/// 6 h by default), a Retry-After later than that wins, and <see cref="StorageOptions.PauseAfterFailures"/>
/// failures in a row pause the source until a success or an admin's resume.
/// </summary>
internal static class HealthPolicy
{
    public static SourceHealth Next(SourceHealth previous, FetchOutcome outcome, string? parseError, DateTimeOffset at, StorageOptions options)
    {
        var failed = outcome.Status == FetchStatus.Failed || parseError is not null;
        var redirect = outcome.PermanentRedirect?.ToString();
        if (!failed)
        {
            // A 304 keeps the validators it was asked with unless the server sent fresh ones; a 200
            // replaces them (a server that stopped sending an ETag must not get one back).
            var notModified = outcome.Status == FetchStatus.NotModified;
            return previous with
            {
                ETag = notModified ? outcome.ETag ?? previous.ETag : outcome.ETag,
                LastModified = notModified ? outcome.LastModified ?? previous.LastModified : outcome.LastModified,
                LastAttempt = at,
                LastSuccess = at,
                LastHttpStatus = outcome.HttpStatus,
                ConsecutiveFailures = 0,
                LastError = null,
                NextAttemptAfter = outcome.RetryAfter > at ? outcome.RetryAfter : null,
                Paused = false,
                PermanentRedirect = redirect,
            };
        }

        var failures = previous.ConsecutiveFailures + 1;
        var next = at + Backoff(failures, options);
        if (outcome.RetryAfter > next)
            next = outcome.RetryAfter.Value;

        // A document that fetched but did not parse keeps the old validators, so the next poll
        // downloads it in full instead of getting a 304 for the broken copy.
        return previous with
        {
            LastAttempt = at,
            LastHttpStatus = outcome.HttpStatus,
            ConsecutiveFailures = failures,
            LastError = parseError ?? outcome.Error ?? $"storage: the poll failed with HTTP status {outcome.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}.",
            NextAttemptAfter = next,
            Paused = previous.Paused || failures >= options.PauseAfterFailures,
            PermanentRedirect = redirect ?? previous.PermanentRedirect,
        };
    }

    /// <summary>Wait before the next attempt after <paramref name="failures"/> consecutive failures.</summary>
    public static TimeSpan Backoff(int failures, StorageOptions options)
    {
        if (failures <= 0)
            return TimeSpan.Zero;

        // Shift at most 30 places: beyond that the cap has long been reached and the shift would overflow.
        var factor = 1L << Math.Min(failures - 1, 30);
        var ticks = options.BackoffBase.Ticks > options.BackoffCap.Ticks / factor ? options.BackoffCap.Ticks : options.BackoffBase.Ticks * factor;
        return TimeSpan.FromTicks(Math.Min(ticks, options.BackoffCap.Ticks));
    }
}
