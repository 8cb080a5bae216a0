using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage;

public sealed class LatestArticlesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task SeedAsync(StorageTestStore test)
    {
        var source = StorageTestStore.Source("stcn");
        for (var i = 0; i < 6; i++)
        {
            var category = i % 2 == 0 ? "要闻" : "快讯";
            await test.IngestAsync(source, new ArticleBuilder().Key($"k{i}").Title($"第{i}条新闻标题足够长不会合并{i}").Body($"<p>正文{i}</p>")
                .Fingerprint(0).Categories("金融", category).Published(StorageTestStore.Start.AddHours(i)).Build());
        }
    }

    [Fact]
    public async Task EverythingIsNewestFirstAndPages()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await SeedAsync(test);

        var first = await test.Store.GetLatestAsync(null, 4, 0, None);
        var second = await test.Store.GetLatestAsync(null, 4, 4, None);

        Assert.Equal(["k5", "k4", "k3", "k2"], first.Select(a => a.Article.EntryKey));
        Assert.Equal(["k1", "k0"], second.Select(a => a.Article.EntryKey));
    }

    [Fact]
    public async Task ACategoryHoldsOnlyItsArticlesNewestFirst()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await SeedAsync(test);

        var latest = await test.Store.GetLatestAsync("快讯", 10, 0, None);

        Assert.Equal(["k5", "k3", "k1"], latest.Select(a => a.Article.EntryKey));
        Assert.All(latest, a => Assert.Equal(["金融", "快讯"], a.Article.Categories));
        Assert.Empty(await test.Store.GetLatestAsync("不存在", 10, 0, None));
    }

    [Fact]
    public async Task APublishedArticleNamesItsSource()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await SeedAsync(test);

        var article = (await test.Store.GetLatestAsync(null, 1, 0, None))[0];

        Assert.Equal("stcn news", article.SourceTitle);
        Assert.Equal(new Uri("https://stcn.example.com/rss.xml"), article.SourceUrl);
        Assert.Equal(32, article.ArticleId.Length);
        Assert.Empty(article.AlsoReportedBy);
    }

    [Fact]
    public async Task ACorrectedPublishedDateMovesTheArticleInItsCategory()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await SeedAsync(test);

        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().Key("k1").Title("第1条新闻标题足够长不会合并1").Body("<p>正文1（更新）</p>")
            .Fingerprint(0).Categories("金融", "快讯").Published(StorageTestStore.Start.AddHours(10)).Build());

        Assert.Equal(["k1", "k5", "k3"], (await test.Store.GetLatestAsync("快讯", 10, 0, None)).Select(a => a.Article.EntryKey));
    }
}
