using Aggregator.Model;

namespace Aggregator.Scheduling;

/// <summary>
/// The configuration the daemon runs with now. Jobs look their source up here on every run, so a
/// reload changes what a job does without re-creating it.
/// </summary>
internal sealed class CurrentConfiguration
{
    private volatile Snapshot current;

    public CurrentConfiguration(AggregatorSettings initial) => current = new Snapshot(initial);

    public AggregatorSettings Settings => current.Settings;

    /// <summary>The source with this id as configured now, or null when it was removed.</summary>
    public SourceDefinition? Find(string sourceId) =>
        current.ById.TryGetValue(sourceId, out var source) ? source : null;

    public void Replace(AggregatorSettings settings) => current = new Snapshot(settings);

    // Settings and its index are swapped together, so a reader never sees one without the other.
    private sealed class Snapshot(AggregatorSettings settings)
    {
        public AggregatorSettings Settings { get; } = settings;

        public Dictionary<string, SourceDefinition> ById { get; } =
            settings.Sources.ToDictionary(source => source.Id, StringComparer.Ordinal);
    }
}
