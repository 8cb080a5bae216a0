using Aggregator.Configuration.Json;

namespace Aggregator.Configuration.Validation;

/// <summary>Collects every problem of one file; validation never stops at the first.</summary>
internal sealed class ProblemList(string file)
{
    private readonly List<ConfigProblem> _problems = [];

    public int Count => _problems.Count;

    public void Add(TextPosition at, string message) => _problems.Add(new ConfigProblem(file, at.Line, at.Column, message));

    /// <summary>The problems in file order, as a reader walks the file.</summary>
    public IReadOnlyList<ConfigProblem> Sorted() => [.. _problems.OrderBy(p => p.Line).ThenBy(p => p.Column)];
}
