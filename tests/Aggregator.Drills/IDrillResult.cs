namespace Aggregator.Drills;

/// <summary>What every drill's result tells its command: one summary line, the problems found, and the verdict.</summary>
internal interface IDrillResult
{
    bool Passed { get; }

    IReadOnlyList<string> Problems { get; }

    string Summary();
}
