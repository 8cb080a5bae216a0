namespace Aggregator.Drills.Soak;

/// <summary>One soak: how long, how many sources, how often they are polled and memory sampled, and the scratch folder.</summary>
internal sealed record SoakOptions
{
    /// <summary>How long wrk requests the merged feeds, counted from serve's first publish.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    public int Feeds { get; init; } = 1000;

    /// <summary>Seconds between polls of each source; also how often every fixture source gains an entry. Divides 60.</summary>
    public int PollSeconds { get; init; } = 60;

    public int SampleSeconds { get; init; } = 10;

    /// <summary>Memory is judged flat or not only on runs at least this long; shorter runs print the curve.</summary>
    public TimeSpan JudgeMemoryAfter { get; init; } = TimeSpan.FromMinutes(5);

    public required string Work { get; init; }
    public required string AggregatorDll { get; init; }
}
