namespace Aggregator.Tests.Support;

/// <summary>The repository's offline samples copied into a scratch folder, so commands can run on them.</summary>
internal sealed class SampleSite : IDisposable
{
    private readonly TempDirectory temp = new();

    public SampleSite()
    {
        var samples = Path.Combine(RepositoryPaths.Root, "samples");
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories))
        {
            var target = temp.Combine(Path.GetRelativePath(samples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Config => temp.Combine("feeds.json");

    public string Data => temp.Combine("data");

    public string Output => temp.Combine("public");

    public string Combine(params string[] parts) => temp.Combine(parts);

    /// <summary>--config, --data and --out of this site, to append to a command.</summary>
    public string[] Options => ["--config", Config, "--data", Data, "--out", Output];

    public void Dispose() => temp.Dispose();
}
