namespace Aggregator.Drills.Fuzz;

/// <summary>One fuzz run: how many inputs, from which seed, where failures are saved, and the bounds.</summary>
internal sealed record FuzzOptions
{
    public int Count { get; init; } = 100_000;
    public int Seed { get; init; } = 6;
    public string? ExtraCorpus { get; init; }
    /// <summary>Where crash-N.xml / hang-N.xml and their .txt (stack, mutations) go.</summary>
    public required string OutputFolder { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
    public int Threads { get; init; } = Math.Max(1, Math.Min(2, Environment.ProcessorCount));
    /// <summary>Working set above this fails the drill (memory must stay bounded).</summary>
    public long MaxWorkingSetBytes { get; init; } = 2048L << 20;
    /// <summary>Only the first failures are written to disk; all are counted.</summary>
    public int MaxSavedFailures { get; init; } = 50;
}
