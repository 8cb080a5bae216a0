using Aggregator.Configuration;

namespace Aggregator.Scheduling;

/// <summary>
/// Whether the last reload of feeds.json failed, for /health and the index page. While it is set the
/// daemon keeps running the last valid configuration; the next valid load clears it.
/// </summary>
internal sealed class ConfigurationHealth
{
    private volatile State state = State.Healthy;

    /// <summary>One sentence for humans (file, first problem, how many), or null when the file is fine.</summary>
    public string? Error => state.Error;

    /// <summary>When the file first became invalid (kept while it stays invalid), or null.</summary>
    public DateTimeOffset? Since => state.Since;

    /// <summary>Every problem of the last failed load, each with file:line:column.</summary>
    public IReadOnlyList<ConfigProblem> Problems => state.Problems;

    public bool IsHealthy => state.Error is null;

    public void ReportInvalid(IReadOnlyList<ConfigProblem> problems, DateTimeOffset at)
    {
        var first = problems.Count > 0 ? problems[0].ToString() : "the configuration is invalid";
        var more = problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "";
        var error = $"configuration: reload failed, still running the previous configuration: {first}{more}";
        state = new State(error, state.Since ?? at, problems);
    }

    public void Clear() => state = State.Healthy;

    private sealed record State(string? Error, DateTimeOffset? Since, IReadOnlyList<ConfigProblem> Problems)
    {
        public static readonly State Healthy = new(null, null, []);
    }
}
