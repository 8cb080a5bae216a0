using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>What the publishers read.</summary>
public abstract partial class ArticleStoreContract
{
    private async Task SeedHoursAsync()
    {
        for (var i = 0; i < 6; i++)
        {
            var category = i % 2 == 0 ? "要闻" : "快讯";
            await IngestAsync(Source("stcn"), new ArticleBuilder().Key($"k{i}").Title($"第{i}条新闻标题足够长不会合并{i}").Body($"<p>正文{i}</p>")
                .Fingerprint(0).Categories("金融", category).Published(StorageTestStore.Start.AddHours(i)).Build());
        }
    }

    [Fact]
    public async Task EverythingIsNewestFirstAndPages()
    {
        await SeedHoursAsync();

        var first = await Store.GetLatestAsync(null, 4, 0, None);
        var second = await Store.GetLatestAsync(null, 4, 4, None);

        Assert.Equal(["k5", "k4", "k3", "k2"], first.Select(a => a.Article.EntryKey));
        Assert.Equal(["k1", "k0"], second.Select(a => a.Article.EntryKey));
    }

    [Fact]
    public async Task ACategoryHoldsOnlyItsArticlesNewestFirst()
    {
        await SeedHoursAsync();

        var latest = await LatestAsync("快讯");

        Assert.Equal(["k5", "k3", "k1"], latest.Select(a => a.Article.EntryKey));
        Assert.All(latest, a => Assert.Equal(["金融", "快讯"], a.Article.Categories));
        Assert.Empty(await LatestAsync("不存在"));
    }

    [Fact]
    public async Task ArticlesPublishedAtTheSameTimeComeNewestStoredFirst()
    {
        var published = StorageTestStore.Start;
        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("first").Title("同一时刻发布的第一条独立新闻").Fingerprint(0).Published(published).Build());
        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("second").Title("同一时刻发布的另外一条新闻稿").Fingerprint(ulong.MaxValue).Published(published).Build());

        Assert.Equal(["second", "first"], (await LatestAsync()).Select(a => a.Article.EntryKey));
    }

    [Fact]
    public async Task APublishedArticleNamesItsSource()
    {
        await SeedHoursAsync();

        var article = (await Store.GetLatestAsync(null, 1, 0, None))[0];

        Assert.Equal("stcn news", article.SourceTitle);
        Assert.Equal(new Uri("https://stcn.example.com/rss.xml"), article.SourceUrl);
        Assert.Equal(32, article.ArticleId.Length);
        Assert.Empty(article.AlsoReportedBy);
    }

    [Fact]
    public async Task ACorrectedPublishedDateMovesTheArticleInItsCategory()
    {
        await SeedHoursAsync();

        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("k1").Title("第1条新闻标题足够长不会合并1").Body("<p>正文1（更新）</p>")
            .Fingerprint(0).Categories("金融", "快讯").Published(StorageTestStore.Start.AddHours(10)).Build());

        Assert.Equal(["k1", "k5", "k3"], (await LatestAsync("快讯")).Select(a => a.Article.EntryKey));
    }
}
