namespace Aggregator.Drills.Kill;

/// <summary>One kill drill: rounds, randomness, corpus size, and the scratch folder.</summary>
internal sealed record KillOptions
{
    public int Rounds { get; init; } = 20;
    public int Seed { get; init; } = 6;
    public int Feeds { get; init; } = 50;
    public required string Work { get; init; }
    public required string AggregatorDll { get; init; }
}
