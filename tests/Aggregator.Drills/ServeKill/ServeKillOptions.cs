namespace Aggregator.Drills.ServeKill;

/// <summary>One serve kill drill: rounds, randomness, corpus size, poll interval and the scratch folder.</summary>
internal sealed record ServeKillOptions
{
    public int Rounds { get; init; } = 12;
    public int Seed { get; init; } = 6;
    public int Feeds { get; init; } = 30;

    /// <summary>Seconds between polls of each source (a seconds cron), so kills land during polls and publishes.</summary>
    public int PollSeconds { get; init; } = 2;

    public required string Work { get; init; }
    public required string AggregatorDll { get; init; }
}
