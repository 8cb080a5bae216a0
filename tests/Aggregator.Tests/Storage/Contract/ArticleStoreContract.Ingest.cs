using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>Ingest and the three dedupe levels.</summary>
public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task NewEntriesAreAddedOnce()
    {
        var result = await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Build(),
            new ArticleBuilder().Key("b").Title("沪指收涨1.2% 两市成交额突破万亿元大关").Body("<p>今日两市放量上涨，成交额突破万亿元。</p>").Build());

        Assert.Equal(2, result.Added);
        Assert.Equal(2, (await Store.GetStatisticsAsync(None)).Articles);
    }

    [Fact]
    public async Task TheSameEntryWithUnchangedContentWritesNothing()
    {
        var article = new ArticleBuilder().Key("a").Build();
        await IngestAsync(Source("stcn"), article);
        var before = await RowsWrittenAsync();
        Time.Advance(TimeSpan.FromMinutes(10));

        var result = await IngestAsync(Source("stcn"), article);

        Assert.Equal(1, result.Unchanged);
        Assert.False(result.ChangedAnything);
        Assert.Equal(before, await RowsWrittenAsync());
    }

    [Fact]
    public async Task ChangedContentUpdatesTheArticleAndItsLastChangedTime()
    {
        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Build());
        Time.Advance(TimeSpan.FromHours(1));

        var result = await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Body("<p>更正：中标利率下调10个基点至1.7%。</p>").Build());

        Assert.Equal(1, result.Updated);
        var stored = Assert.Single(await LatestAsync());
        Assert.Contains("1.7%", stored.Article.Body, StringComparison.Ordinal);
        Assert.Equal(StorageTestStore.Start, stored.FirstSeen);
        Assert.Equal(Time.GetUtcNow(), stored.LastChanged);
        Assert.Equal(Time.GetUtcNow(), stored.Article.Updated);
    }

    [Fact]
    public async Task TheSameLinkFromAnotherSourceMergesCategoriesAndRecordsTheSource()
    {
        const string link = "https://www.stcn.com/article/detail/1.html";
        await IngestAsync(Source("stcn"), new ArticleBuilder().From("stcn").Key("g1").Link(link).Categories("金融", "要闻").Build());

        var result = await IngestAsync(Source("cls"), new ArticleBuilder().From("cls").Key("x9").Link(link).Title("完全不同的标题").Categories("快讯", "金融").Build());

        Assert.Equal(1, result.Merged);
        var stored = Assert.Single(await LatestAsync());
        Assert.Equal(["金融", "要闻", "快讯"], stored.Article.Categories);
        Assert.Equal("stcn", stored.Article.SourceId);
        Assert.Equal("cls", Assert.Single(stored.AlsoReportedBy).SourceId);
        Assert.Single(await LatestAsync("快讯"));
    }

    [Fact]
    public async Task TheSameStoryUnderAnotherLinkIsOneArticleAlsoReportedByTheOther()
    {
        var published = StorageTestStore.Start;
        await IngestAsync(Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title("【快讯】宁德时代发布2026年三季度业绩预告").Body($"<p>{CatlStory}</p>").Published(published).Build());

        var result = await IngestAsync(Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title("「快讯」宁德时代发布2026年三季度业绩预告！").Body($"<p>财联社电，{CatlStory}</p>").Published(published.AddHours(2)).Build());

        Assert.Equal(1, result.Merged);
        var other = Assert.Single(Assert.Single(await LatestAsync()).AlsoReportedBy);
        Assert.Equal("https://cls.example.com/news/c1.html", other.Link);
        Assert.Equal("cls news", other.SourceTitle);
    }

    [Fact]
    public async Task TwoEntriesOfOneSourceAreNeverMergedAsTheSameStory()
    {
        const string title = "宁德时代发布2026年三季度业绩预告";

        var result = await IngestAsync(Source("stcn"), new ArticleBuilder().Key("s1").Title(title).Build(), new ArticleBuilder().Key("s2").Title(title).Build());

        Assert.Equal(2, result.Added);
    }

    [Fact]
    public async Task TheSameTitleOutsideTheWindowIsAnotherStory()
    {
        const string title = "宁德时代发布2026年三季度业绩预告";
        await IngestAsync(Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title(title).Published(StorageTestStore.Start).Build());

        var result = await IngestAsync(Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title(title).Published(StorageTestStore.Start.AddDays(5)).Build());

        Assert.Equal(1, result.Added);
    }

    [Fact]
    public async Task AHigherPrioritySourceReportingLaterBecomesCanonicalUnderTheSameId()
    {
        const string title = "宁德时代发布2026年三季度业绩预告";
        await IngestAsync(Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Title(title).Body($"<p>{CatlStory}</p>").Categories("博客").Build());
        var firstId = Assert.Single(await LatestAsync()).ArticleId;

        await IngestAsync(Source("stcn", priority: 10), new ArticleBuilder().From("stcn").Key("s1").Title(title).Body($"<p>证券时报网讯，{CatlStory}</p>").Categories("金融").Build());

        var stored = Assert.Single(await LatestAsync());
        Assert.Equal(firstId, stored.ArticleId);
        Assert.Equal("stcn", stored.Article.SourceId);
        Assert.Equal("https://stcn.example.com/news/s1.html", stored.Article.Link);
        Assert.Contains("证券时报网讯", stored.Article.Body, StringComparison.Ordinal);
        Assert.Equal(["博客", "金融"], stored.Article.Categories);
        Assert.Equal("blog", Assert.Single(stored.AlsoReportedBy).SourceId);
    }

    [Fact]
    public async Task AChangedReportOfAnotherSourceDoesNotOverwriteTheCanonicalCopy()
    {
        const string link = "https://www.stcn.com/article/detail/1.html";
        await IngestAsync(Source("stcn", priority: 10), new ArticleBuilder().From("stcn").Key("s1").Link(link).Build());
        await IngestAsync(Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Link(link).Build());

        var result = await IngestAsync(Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Link(link).Body("<p>转载者改写的正文</p>").Build());

        Assert.Equal(1, result.Updated);
        Assert.DoesNotContain("转载者", Assert.Single(await LatestAsync()).Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicatesWithinOneBatchAreStoredOnce()
    {
        var article = new ArticleBuilder().Key("a").Build();

        var result = await IngestAsync(Source("stcn"), article, article);

        Assert.Equal(1, result.Added);
        Assert.Equal(1, result.Unchanged);
    }

    [Fact]
    public async Task KnownContentHashesAreThoseOfStoredEntriesOnly()
    {
        var article = new ArticleBuilder().Key("a").Build();
        await IngestAsync(Source("stcn"), article);

        var known = await Store.GetKnownContentHashesAsync("stcn", ["a", "missing"], None);

        Assert.Equal(article.ContentHash, Assert.Single(known).Value);
        Assert.Empty(await Store.GetKnownContentHashesAsync("cls", ["a"], None));
    }

    [Fact]
    public async Task ArticlesSurviveAReopen()
    {
        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Thumbnail("https://img.example.com/a.jpg").Categories("金融", "要闻").Build());
        var before = Assert.Single(await LatestAsync());

        await ReopenAsync();

        var after = Assert.Single(await LatestAsync());
        Assert.Equal(before.ArticleId, after.ArticleId);
        Assert.Equal(before.Article, after.Article with { Categories = before.Article.Categories });
        Assert.Equal(before.Article.Categories, after.Article.Categories);
    }

    [Fact]
    public async Task TheArticleIdDependsOnlyOnTheFirstSourceAndEntryKey()
    {
        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Build());

        Assert.Equal(Aggregator.Storage.ArticleKeys.ArticleId("stcn", "a"), Assert.Single(await LatestAsync()).ArticleId);
    }
}
