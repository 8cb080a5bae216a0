namespace Aggregator.Drills;

/// <summary>Prints a drill's result the one way drills/run.sh reads it, and turns the verdict into the exit code.</summary>
internal static class DrillReport
{
    public static int Print(IDrillResult result, TextWriter output)
    {
        output.WriteLine(result.Summary());
        foreach (var problem in result.Problems)
            output.WriteLine("  " + problem);
        return result.Passed ? 0 : 1;
    }
}
