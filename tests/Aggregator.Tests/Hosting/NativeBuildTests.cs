using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Hosting;

/// <summary>
/// The native build (what the image runs) against the JIT build the rest of the suite tests, command by
/// command over the same inputs: same articles, same store behaviour, same files.
/// </summary>
[Collection(NativeBuildGroup.Name)]
public sealed partial class NativeBuildTests
{
    [Fact]
    public async Task NativeParseJsonIsTheJitBuildsOutputOverTheTestFeedsAndTheFeedparserCorpus()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var started = DateTimeOffset.UtcNow;
        string[] inputs =
        [
            Path.Combine(RepositoryPaths.Root, "tests", "Aggregator.Tests", "TestData"),
            Path.Combine(RepositoryPaths.Root, "samples", "recorded"),
            RepositoryPaths.Shared("corpora", "feedparser"),
        ];

        var native = await NativeBuild.RunAsync(["parse", "--json", "--log-level", "error", .. inputs]);
        var jit = await CliRunner.RunAsync(["parse", "--json", .. inputs]);

        Assert.Equal(jit.ExitCode, native.ExitCode);
        var nativeLines = Lines(native.Output, started);
        Assert.True(nativeLines.Count > 1000, $"only {nativeLines.Count} articles: {native.Error}");
        Assert.Equal(Lines(jit.Output, started), nativeLines);
    }

    [Fact]
    public async Task NativeRunOnceStoresAndPublishesWhatTheJitBuildDoesAndWritesNoArticleTheSecondTime()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var nativeSite = SequentialSite();
        using var jitSite = SequentialSite();

        var first = await NativeBuild.RunAsync(["run-once", .. nativeSite.Options]);
        var second = await NativeBuild.RunAsync(["run-once", .. nativeSite.Options]);
        var jit = await CliRunner.RunAsync(["run-once", .. jitSite.Options]);

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("5 sources: 5 ok, 0 failed; 30 new, 0 updated articles;", first.Output, StringComparison.Ordinal);
        Assert.Contains("5 sources: 5 ok, 0 failed; 0 new, 0 updated articles;", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, jit.ExitCode);
        Assert.Equal(PublishedFiles(jitSite), PublishedFiles(nativeSite));
        foreach (var feed in PublishedFiles(jitSite).Where(name => name.EndsWith(".atom", StringComparison.Ordinal)))
            Assert.Equal(EntryIds(jitSite, feed), EntryIds(nativeSite, feed));
    }

    [Fact]
    public async Task NativeAdminCommandsExportListAndPruneAsTheJitBuildDoes()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var nativeSite = SequentialSite();
        using var jitSite = SequentialSite();
        Assert.Equal(0, (await NativeBuild.RunAsync(["run-once", .. nativeSite.Options])).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(["run-once", .. jitSite.Options])).ExitCode);

        var nativeExport = await NativeBuild.RunAsync("export", "posts", "--config", nativeSite.Config, "--data", nativeSite.Data, "--out", nativeSite.Combine("posts"));
        await CliRunner.RunAsync("export", "posts", "--config", jitSite.Config, "--data", jitSite.Data, "--out", jitSite.Combine("posts"));
        var sources = await NativeBuild.RunAsync("sources", "--config", nativeSite.Config, "--data", nativeSite.Data);
        var prune = await NativeBuild.RunAsync(["prune", "--max-age", "365.00:00:00", .. nativeSite.Options]);

        Assert.Equal(0, nativeExport.ExitCode);
        Assert.Equal(Posts(jitSite), Posts(nativeSite));
        Assert.Equal(0, sources.ExitCode);
        foreach (var id in new[] { "stcn-yw", "cls-telegraph", "wallstreetcn-global", "ftchinese", "marketwatch-top" })
            Assert.Contains(sources.Output.Split('\n'), line => line.StartsWith(id + " ", StringComparison.Ordinal) && line.Contains(" ok ", StringComparison.Ordinal));
        Assert.True(prune.ExitCode == 0, prune.Output + prune.Error);
        Assert.StartsWith("1 articles deleted", prune.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The samples, polled one source at a time: concurrent polls store a story reported by two sources
    /// in whichever order they finish, which decides its canonical title; one at a time, every run is alike.
    /// </summary>
    private static SampleSite SequentialSite()
    {
        var site = new SampleSite();
        var config = JsonNode.Parse(File.ReadAllText(site.Config))!.AsObject();
        config["fetch"] = new JsonObject { ["maxConcurrent"] = 1 };
        File.WriteAllText(site.Config, config.ToJsonString());
        return site;
    }

    /// <summary>
    /// The JSON lines, sorted (documents are parsed in parallel), with the dates a run stamps itself
    /// (undated or future entries get the time they were first seen) set to "now".
    /// </summary>
    private static List<string> Lines(string output, DateTimeOffset started)
    {
        var lines = new List<string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // A document that fails is reported on a line of its own ("PATH: why"), compared as it is.
            if (!line.StartsWith('{'))
            {
                lines.Add(line);
                continue;
            }

            var article = JsonNode.Parse(line)!.AsObject();
            foreach (var field in new[] { "date", "updated" })
            {
                if (article[field]?.GetValue<string>() is { } text &&
                    DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) >= started.AddMinutes(-1))
                    article[field] = "now";
            }

            lines.Add(article.ToJsonString());
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string> PublishedFiles(SampleSite site) =>
        [.. Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(site.Output, path)).Order(StringComparer.Ordinal)];

    private static List<string> EntryIds(SampleSite site, string feed) =>
        [.. EntryId().Matches(File.ReadAllText(Path.Combine(site.Output, feed))).Select(match => match.Groups[1].Value)];

    /// <summary>Each exported post's name and text; the time the run stamped on undated entries aside.</summary>
    private static List<string> Posts(SampleSite site) =>
        [.. Directory.EnumerateFiles(site.Combine("posts")).Order(StringComparer.Ordinal)
            .Select(path => Path.GetFileName(path) + "\n" + string.Join('\n', File.ReadLines(path).Where(line => !line.StartsWith("date:", StringComparison.Ordinal))))];

    [GeneratedRegex("<entry>\\s*<id>([^<]+)</id>")]
    private static partial Regex EntryId();
}
