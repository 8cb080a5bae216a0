namespace Aggregator.Model;

/// <summary>The whole validated feeds.json.</summary>
internal sealed record AggregatorSettings
{
    public required SiteDefinition Site { get; init; }
    public required IReadOnlyList<SourceDefinition> Sources { get; init; }
    /// <summary>Every category used by a source, in first-use order, each with its slug.</summary>
    public required IReadOnlyList<CategoryDefinition> Categories { get; init; }
    /// <summary>How many sources are polled at once, and how many against one host.</summary>
    public int MaxConcurrentFetches { get; init; } = 8;
    public int MaxConcurrentFetchesPerHost { get; init; } = 2;
    /// <summary>Consecutive failures after which a source is paused until an admin resumes it or it is edited.</summary>
    public int PauseAfterFailures { get; init; } = 10;
    /// <summary>The article store (SQLite unless feeds.json or the environment choose PostgreSQL).</summary>
    public StoreSelection Store { get; init; } = StoreSelection.Default;
}
