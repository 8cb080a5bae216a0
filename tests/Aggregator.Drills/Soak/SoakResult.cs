using System.Globalization;

namespace Aggregator.Drills.Soak;

/// <summary>The counts the soak prints, and its memory curve (seconds since start, resident MiB).</summary>
internal sealed record SoakResult(
    int Feeds,
    TimeSpan Duration,
    SoakLoadResult Load,
    long FixtureRequests,
    long NotModified,
    int ArticlesServed,
    int ArticlesLost,
    long StoredArticles,
    IReadOnlyList<(double Seconds, double Megabytes)> Memory,
    double? MemoryGrowth,
    bool MemoryJudged,
    int FinalExitCode,
    IReadOnlyList<string> Problems) : IDrillResult
{
    /// <summary>Memory counts as flat when the last third of the run's samples stay within 20% of the middle third's.</summary>
    public const double FlatGrowth = 1.2;

    public bool MemoryFlat => !MemoryJudged || MemoryGrowth is null or <= FlatGrowth;

    public bool Passed => Load.Failed == 0 && ArticlesLost == 0 && ArticlesServed > 0 && MemoryFlat && FinalExitCode == 0;

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"soak: {Feeds} sources for {Duration.TotalMinutes:0.#} min, {FixtureRequests} polls ({NotModified} answered 304), " +
        $"{Load.Requests} feed requests by {Load.Tool}, {Load.Failed} failed ({Load.NonSuccess} non-2xx/3xx, {Load.SocketErrors} socket errors), " +
        $"{ArticlesServed} articles served, {ArticlesLost} articles lost, {StoredArticles} in the store, " +
        $"resident memory {MemoryVerdict()}, graceful stop exit {FinalExitCode}");

    public string Curve() => string.Join(" ", Memory.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:0}s:{s.Megabytes:0}")));

    private string MemoryVerdict()
    {
        var range = Memory.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Memory.Min(s => s.Megabytes):0}–{Memory.Max(s => s.Megabytes):0} MiB") : "not sampled";
        var growth = MemoryGrowth is { } g ? string.Create(CultureInfo.InvariantCulture, $", last third / middle third {g:0.00}") : "";
        return MemoryJudged ? $"{range}{growth} ({(MemoryFlat ? "flat" : "GROWING")})" : $"{range}{growth} (not judged: run shorter than the judging threshold)";
    }
}
