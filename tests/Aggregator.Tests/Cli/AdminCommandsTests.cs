using Aggregator.Tests.Support;

namespace Aggregator.Tests.Cli;

/// <summary>The admin commands over the offline samples: sources, export posts/opml, prune.</summary>
public sealed class AdminCommandsTests
{
    [Fact]
    public async Task SourcesListsEverySourceWithItsHealthAndArticleCount()
    {
        using var site = new SampleSite();
        Assert.Equal(0, (await CliRunner.RunAsync(["run-once", .. site.Options])).ExitCode);

        var result = await CliRunner.RunAsync("sources", "--config", site.Config, "--data", site.Data);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var id in new[] { "stcn-yw", "cls-telegraph", "wallstreetcn-global", "ftchinese", "marketwatch-top" })
            Assert.Contains(lines, l => l.StartsWith(id + " ", StringComparison.Ordinal) && l.Contains(" ok ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportPostsWritesOneFilePerArticleAndIsIdempotent()
    {
        using var site = new SampleSite();
        await CliRunner.RunAsync(["run-once", .. site.Options]);
        var posts = site.Combine("posts");

        var first = await CliRunner.RunAsync("export", "posts", "--config", site.Config, "--data", site.Data, "--out", posts);
        var second = await CliRunner.RunAsync("export", "posts", "--config", site.Config, "--data", site.Data, "--out", posts);

        Assert.Equal(0, first.ExitCode);
        var files = Directory.GetFiles(posts);
        Assert.True(files.Length >= 25, $"only {files.Length} posts");
        Assert.Contains($"{files.Length} written, 0 unchanged", first.Output, StringComparison.Ordinal);
        Assert.Contains($"0 written, {files.Length} unchanged", second.Output, StringComparison.Ordinal);
        var seedPost = files.Select(File.ReadAllText).Single(text => text.Contains("先行示范区金融大讲堂第4期", StringComparison.Ordinal));
        var seed = File.ReadAllText(RepositoryPaths.Shared("seed", "000_abe74ac236356f83.txt"));
        Assert.Equal(FrontMatter(seed), FrontMatter(seedPost));
    }

    [Fact]
    public async Task ExportOpmlListsTheSources()
    {
        using var site = new SampleSite();

        var result = await CliRunner.RunAsync("export", "opml", "--config", site.Config, "--out", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<opml version=\"2.0\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("证券时报网", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PruneDeletesOldArticlesRepublishesAndTheyDoNotComeBack()
    {
        using var site = new SampleSite();
        await CliRunner.RunAsync(["run-once", .. site.Options]);
        var all = site.Combine("public", "feeds", "all.atom");
        Assert.Contains("先行示范区金融大讲堂", File.ReadAllText(all), StringComparison.Ordinal);

        // The seed article is from 2021: a one-year limit expires it and nothing newer.
        var prune = await CliRunner.RunAsync(["prune", "--max-age", "365.00:00:00", .. site.Options]);
        File.SetLastWriteTimeUtc(site.Combine("recorded", "stcn-yw.xml"), DateTime.UtcNow);
        var again = await CliRunner.RunAsync(["run-once", .. site.Options]);

        Assert.Equal(0, prune.ExitCode);
        Assert.StartsWith("1 articles deleted", prune.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("先行示范区金融大讲堂", File.ReadAllText(all), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PruneWithoutALimitIsAUsageError()
    {
        using var site = new SampleSite();

        var result = await CliRunner.RunAsync(["prune", .. site.Options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--max-age", result.Error, StringComparison.Ordinal);
    }

    private static string FrontMatter(string post) =>
        post[..(post.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)];
}
