using Aggregator.Model;

namespace Aggregator.Storage;

/// <summary>A sources row as Dapper reads it (times in stored milliseconds).</summary>
internal sealed class HealthRow
{
    public string SourceId { get; set; } = "";
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public long? LastAttempt { get; set; }
    public long? LastSuccess { get; set; }
    public long? LastHttpStatus { get; set; }
    public long ConsecutiveFailures { get; set; }
    public string? LastError { get; set; }
    public long? NextAttemptAfter { get; set; }
    public long Paused { get; set; }
    public string? PermanentRedirect { get; set; }
    public long ArticleCount { get; set; }

    public SourceHealth ToHealth() => new()
    {
        SourceId = SourceId,
        ETag = ETag,
        LastModified = LastModified,
        LastAttempt = ArticleKeys.FromStored(LastAttempt),
        LastSuccess = ArticleKeys.FromStored(LastSuccess),
        LastHttpStatus = LastHttpStatus is { } status ? (int)status : null,
        ConsecutiveFailures = (int)ConsecutiveFailures,
        LastError = LastError,
        NextAttemptAfter = ArticleKeys.FromStored(NextAttemptAfter),
        Paused = Paused != 0,
        PermanentRedirect = PermanentRedirect,
        ArticleCount = ArticleCount,
    };
}
