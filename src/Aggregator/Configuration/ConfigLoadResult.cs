using Aggregator.Model;

namespace Aggregator.Configuration;

/// <summary>Either valid settings or every problem found (never both).</summary>
internal sealed record ConfigLoadResult(AggregatorSettings? Settings, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Settings is not null && Problems.Count == 0;
}
