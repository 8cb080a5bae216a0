namespace Aggregator.Drills.ServeKill;

/// <summary>The counts the serve kill drill prints.</summary>
internal sealed record ServeKillResult(
    int Rounds,
    int Kills,
    int ExitedBeforeKill,
    int IntegrityFailures,
    int TornFiles,
    long ArticlesLost,
    int VisibleTempFiles,
    int HiddenTempFiles,
    long CommittedChecked,
    long FinalArticles,
    int FinalExitCode,
    bool FinalPublished,
    IReadOnlyList<string> Problems) : IDrillResult
{
    public bool Passed => IntegrityFailures == 0 && TornFiles == 0 && ArticlesLost == 0 && VisibleTempFiles == 0
        && ExitedBeforeKill == 0 && FinalExitCode == 0 && FinalPublished;

    public string Summary() =>
        $"serve-kill: {Rounds} rounds, {Kills} kills ({ExitedBeforeKill} serve processes exited on their own), {IntegrityFailures} integrity failures, " +
        $"{TornFiles} torn files, {ArticlesLost} articles lost of {CommittedChecked} seen committed before a kill, " +
        $"{VisibleTempFiles} visible temp files ({HiddenTempFiles} hidden ones), " +
        $"final graceful stop exit {FinalExitCode}{(FinalPublished ? ", published" : ", NOT published")}, {FinalArticles} articles in the store";
}
