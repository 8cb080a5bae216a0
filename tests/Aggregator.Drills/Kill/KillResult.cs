namespace Aggregator.Drills.Kill;

/// <summary>The counts the kill drill prints.</summary>
internal sealed record KillResult(
    int Rounds,
    int Kills,
    int CompletedBeforeKill,
    int IntegrityFailures,
    int TornFiles,
    long ArticlesLost,
    int LeftoverTempFiles,
    long FinalArticles,
    int FinalExitCode,
    bool FinalPublished,
    IReadOnlyList<string> Problems) : IDrillResult
{
    public bool Passed => IntegrityFailures == 0 && TornFiles == 0 && ArticlesLost == 0 && FinalExitCode == 0 && FinalPublished;

    public string Summary() =>
        $"kill: {Rounds} rounds, {Kills} kills ({CompletedBeforeKill} runs finished before their kill), {IntegrityFailures} integrity failures, " +
        $"{TornFiles} torn files, {ArticlesLost} articles lost, {LeftoverTempFiles} leftover temp files (hidden names), " +
        $"final clean run exit {FinalExitCode}{(FinalPublished ? ", published" : ", NOT published")}, {FinalArticles} articles in the store";
}
