namespace Aggregator.Model;

/// <summary>Per-source fetch state and health, as kept in the store.</summary>
internal sealed record SourceHealth
{
    public required string SourceId { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public DateTimeOffset? LastAttempt { get; init; }
    public DateTimeOffset? LastSuccess { get; init; }
    public int? LastHttpStatus { get; init; }
    public int ConsecutiveFailures { get; init; }
    public string? LastError { get; init; }
    /// <summary>Not polled before this time (Retry-After or failure backoff).</summary>
    public DateTimeOffset? NextAttemptAfter { get; init; }
    public bool Paused { get; init; }
    public string? PermanentRedirect { get; init; }
    public long ArticleCount { get; init; }

    public static SourceHealth Unknown(string sourceId) => new() { SourceId = sourceId };
}
