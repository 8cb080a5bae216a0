namespace Aggregator.Storage;

/// <summary>
/// How long articles are kept. An article is deleted when any rule that applies to it expires it: the
/// global limits, or the limits of any of its categories (a category that keeps little also drops
/// what it shares with others — the admin sets the tighter rule on purpose).
/// </summary>
internal sealed record RetentionPolicy
{
    /// <summary>Articles published longer ago than this are deleted; null keeps them.</summary>
    public TimeSpan? MaxAge { get; init; }
    /// <summary>Only the newest this many articles are kept; null keeps all.</summary>
    public int? MaxCount { get; init; }
    /// <summary>Limits for one category, keyed by category name.</summary>
    public IReadOnlyDictionary<string, CategoryRetention> Categories { get; init; } = new Dictionary<string, CategoryRetention>();
}
