using Aggregator.Configuration;
using Aggregator.Model;

namespace Aggregator.Cli;

/// <summary>Loads feeds.json for a command; on problems prints them to standard error.</summary>
internal static class SettingsLoader
{
    /// <summary>The valid settings, or null after printing every problem (the command then exits 2).</summary>
    public static AggregatorSettings? Load(string path, TextWriter error)
    {
        var loaded = FeedsConfigLoader.Load(path);
        if (loaded.IsValid)
            return loaded.Settings;
        ConfigCheckReport.Write(loaded, path, error);
        return null;
    }
}
