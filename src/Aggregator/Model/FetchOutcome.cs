namespace Aggregator.Model;

/// <summary>What one poll of one source got over HTTP.</summary>
internal sealed record FetchOutcome
{
    public required FetchStatus Status { get; init; }
    /// <summary>The document, when <see cref="Status"/> is <see cref="FetchStatus.Fetched"/>.</summary>
    public FeedPayload? Payload { get; init; }
    public int? HttpStatus { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    /// <summary>One readable sentence saying what went wrong, when it failed.</summary>
    public string? Error { get; init; }
    /// <summary>The server asked us not to come back before this time (Retry-After).</summary>
    public DateTimeOffset? RetryAfter { get; init; }
    /// <summary>Set when the source answered with a permanent redirect: the admin should update feeds.json.</summary>
    public Uri? PermanentRedirect { get; init; }
    public TimeSpan Elapsed { get; init; }
}

internal enum FetchStatus
{
    Fetched,
    NotModified,
    Failed,
}
