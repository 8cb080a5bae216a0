using Aggregator.Model;
using Aggregator.Storage.Postgres;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Postgres;

/// <summary>
/// Two nodes (two stores on one database) ingesting the same stories at the same moment: the database's
/// unique keys and serializable transactions store each story once.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class ConcurrentIngestTests(PostgresServer server)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Story = "宁德时代晚间发布2026年三季度业绩预告，预计前三季度归母净利润同比增长35%至42%，主要受益于储能电池出货量大幅增长及海外市场拓展。";

    private static async Task<(IngestResult First, IngestResult Second)> RaceAsync(
        PostgresArticleStore one, PostgresArticleStore two, Func<int, SourceDefinition> source, Func<int, IReadOnlyList<Article>> articles)
    {
        // Both start from the same barrier, so their transactions overlap.
        using var start = new ManualResetEventSlim();
        var first = Task.Run(async () => { start.Wait(); return await one.IngestAsync(source(0), articles(0), StorageTestStore.Start, None); });
        var second = Task.Run(async () => { start.Wait(); return await two.IngestAsync(source(1), articles(1), StorageTestStore.Start, None); });
        start.Set();
        return (await first, await second);
    }

    private async Task<(PostgresArticleStore, PostgresArticleStore)> TwoNodesAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var one = await PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None);
        var two = await PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None);
        return (one, two);
    }

    private static IReadOnlyList<Article> Batch(string sourceId, int count, Func<int, string> link, Func<int, string> title) =>
        [.. Enumerable.Range(0, count).Select(i => new ArticleBuilder().From(sourceId).Key($"{sourceId}-{i}").Link(link(i)).Title(title(i))
            .Body($"<p>{i}：{Story}</p>").Published(StorageTestStore.Start.AddMinutes(-i)).Build())];

    [Fact]
    public async Task TheSameSourceIngestedByTwoNodesAtOnceIsStoredOnce()
    {
        var (one, two) = await TwoNodesAsync();
        await using var _ = one;
        await using var __ = two;
        var articles = Batch("stcn", 40, i => $"https://stcn.example.com/{i}.html", i => $"第{i}条互不相同的新闻标题{i}");

        var (first, second) = await RaceAsync(one, two, _ => StorageTestStore.Source("stcn"), _ => articles);

        Assert.Equal(40, first.Added + second.Added);
        Assert.Equal(40, first.Unchanged + second.Unchanged);
        var stats = await one.GetStatisticsAsync(None);
        Assert.Equal(40, stats.Articles);
        Assert.Equal(40, stats.Entries);
    }

    [Fact]
    public async Task TheSameLinksFromTwoSourcesOnTwoNodesAreOneArticleEach()
    {
        var (one, two) = await TwoNodesAsync();
        await using var _ = one;
        await using var __ = two;
        string[] sources = ["stcn", "cls"];

        var (first, second) = await RaceAsync(one, two, n => StorageTestStore.Source(sources[n]),
            n => Batch(sources[n], 40, i => $"https://wire.example.com/{i}.html", i => $"{sources[n]}第{i}条标题{i}各不相同"));

        Assert.Equal(40, first.Added + second.Added);
        Assert.Equal(40, first.Merged + second.Merged);
        var stats = await one.GetStatisticsAsync(None);
        Assert.Equal(40, stats.Articles);
        Assert.Equal(80, stats.Entries);
        Assert.All(await one.GetLatestAsync(null, 100, 0, None), article => Assert.Single(article.AlsoReportedBy));
    }

    [Fact]
    public async Task TheSameStoriesUnderDifferentLinksOnTwoNodesAreOneArticleEach()
    {
        var (one, two) = await TwoNodesAsync();
        await using var _ = one;
        await using var __ = two;
        string[] sources = ["stcn", "cls"];

        var (first, second) = await RaceAsync(one, two, n => StorageTestStore.Source(sources[n]),
            n => Batch(sources[n], 20, i => $"https://{sources[n]}.example.com/{i}.html", i => $"宁德时代发布第{i}号公告业绩预告{i}"));

        Assert.Equal(20, first.Added + second.Added);
        Assert.Equal(20, first.Merged + second.Merged);
        Assert.Equal(20, (await two.GetStatisticsAsync(None)).Articles);
    }
}
