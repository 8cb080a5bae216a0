using Aggregator.Model;

namespace Aggregator.Http;

/// <summary>
/// The configuration `serve` runs with, and the error of the latest reload attempt, for /health.
/// The scheduler calls <see cref="SetSettings"/> after applying a valid feeds.json and
/// <see cref="SetError"/> with the FILE:LINE:COLUMN message of an invalid one (null once fixed);
/// the running configuration stays what it was.
/// </summary>
internal sealed class ConfigurationStatus
{
    private volatile Snapshot current = new(null, null);

    public AggregatorSettings? Settings => current.Settings;

    /// <summary>Why the latest reload was refused, or null when the file on disk is the running configuration.</summary>
    public string? Error => current.Error;

    /// <summary>The configuration now running; clears the error (a valid file was applied).</summary>
    public void SetSettings(AggregatorSettings settings) => current = new Snapshot(settings, null);

    /// <summary>Reports a refused reload (or null: the problem is gone), keeping the running settings.</summary>
    public void SetError(string? error) => current = current with { Error = error };

    // One reference swapped as a whole, so a reader never sees the settings of one reload with the error of another.
    private sealed record Snapshot(AggregatorSettings? Settings, string? Error);
}
