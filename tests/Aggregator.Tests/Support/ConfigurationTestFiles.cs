using Aggregator.Configuration;

namespace Aggregator.Tests.Support;

/// <summary>Finds the repository's feeds.json and schema, and locates text in test JSON.</summary>
internal static class ConfigurationTestFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string FeedsJson => Path.Combine(RepositoryRoot, "feeds.json");

    public static string SchemaJson => Path.Combine(RepositoryRoot, "feeds.schema.json");

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Configuration", name);

    /// <summary>"LINE:COLUMN" (1-based, in characters) of the n-th occurrence of <paramref name="marker"/> in <paramref name="json"/>.</summary>
    public static string At(string json, string marker, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = json.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"marker {marker} #{occurrence} not in the test JSON");
        }
        var line = json[..index].Count(c => c == '\n') + 1;
        var lineStart = index == 0 ? 0 : json.LastIndexOf('\n', index - 1) + 1;
        return $"{line}:{index - lineStart + 1}";
    }

    /// <summary>The problem messages with their "LINE:COLUMN", without the file name.</summary>
    public static List<string> Located(ConfigLoadResult result) =>
        [.. result.Problems.Select(p => $"{p.Line}:{p.Column}: {p.Message}")];

    /// <summary>Parses <paramref name="json"/>, asserting it is valid.</summary>
    public static Model.AggregatorSettings Valid(string json)
    {
        var result = FeedsConfigLoader.Parse(json, "feeds.json");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Settings!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "feeds.schema.json")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        }
        throw new InvalidOperationException("configuration tests: the repository root (with feeds.schema.json) was not found above " + AppContext.BaseDirectory);
    }
}
