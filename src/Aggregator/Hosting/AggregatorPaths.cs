namespace Aggregator.Hosting;

/// <summary>Where the configuration is read from, the store kept, and the feeds published.</summary>
internal sealed record AggregatorPaths(string ConfigFile, string DataDirectory, string OutputDirectory);
