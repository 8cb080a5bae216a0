namespace Aggregator.Drills.Xss;

internal static class XssDrill
{
    public static Task<int> CommandAsync(DrillArguments args, TextWriter output) => Task.FromResult(0);
}
