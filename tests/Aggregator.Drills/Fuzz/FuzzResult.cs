using System.Globalization;

namespace Aggregator.Drills.Fuzz;

/// <summary>The counts a fuzz run prints.</summary>
internal sealed record FuzzResult(
    long Tried,
    long Parsed,
    long Rejected,
    long Crashes,
    long Hangs,
    long PeakWorkingSet,
    long PeakManaged,
    TimeSpan Elapsed,
    bool MemoryExceeded,
    IReadOnlyList<string> Problems) : IDrillResult
{
    public bool Passed => Crashes == 0 && Hangs == 0 && !MemoryExceeded;

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"fuzz: {Tried} inputs tried, {Parsed} parsed, {Rejected} rejected cleanly, {Crashes} crashes, {Hangs} hangs, " +
        $"peak memory {PeakWorkingSet / 1048576.0:0} MiB working set / {PeakManaged / 1048576.0:0} MiB managed" +
        $"{(MemoryExceeded ? " (ABOVE THE BOUND)" : "")}, {Elapsed.TotalSeconds:0.0} s ({Tried / Math.Max(Elapsed.TotalSeconds, 1e-9):0} inputs/s)");
}
