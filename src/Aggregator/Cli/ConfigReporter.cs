using Aggregator.Configuration;

namespace Aggregator.Cli;

/// <summary>Prints configuration problems the way compilers do, so editors and CI logs can jump to them.</summary>
internal static class ConfigReporter
{
    /// <summary>Writes each problem on its own line; returns true when the configuration is valid.</summary>
    public static bool Report(ConfigLoadResult result, TextWriter error)
    {
        foreach (var problem in result.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column))
            error.WriteLine(problem.ToString());
        if (result.IsValid)
            return true;

        error.WriteLine($"{result.Problems.Count} problem(s) found; nothing was changed.");
        return false;
    }
}
