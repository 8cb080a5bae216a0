namespace Aggregator.Tests.Conformance;

internal enum CheckVerdict
{
    Pass,
    Miss,
    NotApplicable,
}

/// <summary>One <c>PATH == LITERAL</c> of a feedparser expectation, judged against our article.</summary>
/// <param name="Reason">For a miss, the reason category; for a not-applicable check, why it is outside our model.</param>
internal sealed record CheckOutcome(string File, string Path, CheckVerdict Verdict, string Reason, string? Expected = null, string? Actual = null)
{
    public static CheckOutcome Na(string file, string path, string why) => new(file, path, CheckVerdict.NotApplicable, why);

    public override string ToString() =>
        $"{File} {Path} [{Reason}]: feedparser \"{Expected}\", ours \"{Actual}\"";
}
