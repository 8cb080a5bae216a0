namespace Aggregator.Drills.Fuzz;

/// <summary>The documents the fuzzer starts from: recorded samples, the test data, the feedparser corpus, and any extra folder.</summary>
internal static class SeedCorpus
{
    /// <summary>Seeds bigger than this would make every mutation slow without finding more.</summary>
    private const long MaxSeedBytes = 2 << 20;

    public static IReadOnlyList<byte[]> Load(string repositoryRoot, string? extraFolder)
    {
        var folders = new List<string>
        {
            Path.Combine(repositoryRoot, "samples", "recorded"),
            Path.Combine(repositoryRoot, "tests", "Aggregator.Tests", "TestData"),
        };
        if (DrillPaths.Shared() is { } shared)
            folders.Add(Path.Combine(shared, "corpora", "feedparser"));
        if (extraFolder is not null)
            folders.Add(extraFolder);

        var seeds = folders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Where(path => new FileInfo(path).Length is > 0 and <= MaxSeedBytes)
            .Select(File.ReadAllBytes)
            .ToList();
        return seeds.Count > 0 ? seeds : throw new InvalidOperationException("fuzz: no seed feeds found (samples/recorded, tests TestData, shared feedparser corpus).");
    }
}
