using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage;

public sealed class IngestDedupeTests
{
    // One story as several sources carry it: reprints differ by a source prefix, not by substance.
    private const string CatlStory = "宁德时代晚间发布2026年三季度业绩预告，预计前三季度归母净利润同比增长35%至42%，主要受益于储能电池出货量大幅增长及海外市场拓展。";

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task NewEntriesAreAddedOnce()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");

        var result = await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Build(), new ArticleBuilder().Key("b").Title("沪指收涨1.2% 两市成交额突破万亿元大关").Body("<p>今日两市放量上涨，成交额突破万亿元。</p>").Build());

        Assert.Equal(2, result.Added);
        var stats = await test.Store.GetStatisticsAsync(None);
        Assert.Equal(2, stats.Articles);
    }

    [Fact]
    public async Task TheSameEntryWithUnchangedContentWritesNothing()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        var article = new ArticleBuilder().Key("a").Build();
        await test.IngestAsync(stcn, article);
        var before = await test.RowsWrittenAsync();

        test.Time.Advance(TimeSpan.FromMinutes(10));
        var result = await test.IngestAsync(stcn, article);

        Assert.Equal(1, result.Unchanged);
        Assert.False(result.ChangedAnything);
        Assert.Equal(before, await test.RowsWrittenAsync());
    }

    [Fact]
    public async Task ChangedContentUpdatesTheArticleAndItsLastChangedTime()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Build());
        test.Time.Advance(TimeSpan.FromHours(1));

        var result = await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Body("<p>更正：中标利率下调10个基点至1.7%。</p>").Build());

        Assert.Equal(1, result.Updated);
        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Contains("1.7%", stored.Article.Body, StringComparison.Ordinal);
        Assert.Equal(StorageTestStore.Start, stored.FirstSeen);
        Assert.Equal(test.Time.GetUtcNow(), stored.LastChanged);
        Assert.Equal(test.Time.GetUtcNow(), stored.Article.Updated);
    }

    [Fact]
    public async Task AnEntryThatMovedToAnotherLinkStillOwnsItsOldCanonicalLink()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        const string first = "https://www.stcn.com/a.html";
        const string second = "https://www.stcn.com/b.html";
        await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Link(first).Title("第一篇足够长的独立新闻标题甲").Build(), new ArticleBuilder().Key("b").Link(second).Title("第二篇足够长的独立新闻标题乙").Build());
        // Entry a now points at b's link, which b owns: a keeps its old canonical link.
        await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Link(second).Title("第一篇足够长的独立新闻标题甲").Body("<p>改了</p>").Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c").Link(first).Title("转载").Build());

        Assert.Equal(1, result.Merged);
        Assert.Equal(2, (await test.Store.GetStatisticsAsync(None)).Articles);
    }

    [Fact]
    public async Task TheSameLinkFromAnotherSourceMergesCategoriesAndRecordsTheSource()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var link = "https://www.stcn.com/article/detail/1.html";
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("g1").Link(link).Categories("金融", "要闻").Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("x9").Link(link).Title("完全不同的标题").Categories("快讯", "金融").Build());

        Assert.Equal(1, result.Merged);
        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Equal(["金融", "要闻", "快讯"], stored.Article.Categories);
        Assert.Equal("stcn", stored.Article.SourceId);
        var other = Assert.Single(stored.AlsoReportedBy);
        Assert.Equal("cls", other.SourceId);
        Assert.Single(await test.Store.GetLatestAsync("快讯", 10, 0, None));
    }

    [Fact]
    public async Task TheSameStoryUnderAnotherLinkIsOneArticleAlsoReportedByTheOther()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var published = StorageTestStore.Start;
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title("【快讯】宁德时代发布2026年三季度业绩预告").Body($"<p>{CatlStory}</p>").Published(published).Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title("「快讯」宁德时代发布2026年三季度业绩预告！").Body($"<p>财联社电，{CatlStory}</p>").Published(published.AddHours(2)).Build());

        Assert.Equal(1, result.Merged);
        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        var other = Assert.Single(stored.AlsoReportedBy);
        Assert.Equal("https://cls.example.com/news/c1.html", other.Link);
        Assert.Equal("cls news", other.SourceTitle);
    }

    [Fact]
    public async Task NearDuplicateBodiesWithOverlappingTitlesAreOneStory()
    {
        await using var test = await StorageTestStore.CreateAsync();
        const string body = "<p>国家统计局今日发布数据显示，10月份全国规模以上工业增加值同比实际增长5.3%，比上月加快0.2个百分点；社会消费品零售总额同比增长4.8%，高于市场预期。分析人士认为，稳增长政策效果持续显现，经济运行总体平稳。</p>";
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title("统计局：10月工业增加值同比增长5.3%").Body(body).Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title("统计局：10月规上工业增加值增5.3% 社零增4.8%").Body(body.Replace("分析人士认为", "业内人士认为", StringComparison.Ordinal)).Build());

        Assert.Equal(1, result.Merged);
        Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
    }

    [Fact]
    public async Task ATitleWithAnExtraLeadingWordMatchesWhenTheBodiesAgree()
    {
        await using var test = await StorageTestStore.CreateAsync();
        const string body = "<p>宁德时代晚间公告，前三季度实现营业收入2830亿元，同比增长8.3%；归母净利润370亿元，同比增长21.6%，其中第三季度净利润同比增长25%。</p>";
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title("宁德时代三季度净利增25%").Body(body).Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title("财联社快讯：宁德时代三季度净利增25%").Body(body).Build());

        Assert.Equal(1, result.Merged);
    }

    [Fact]
    public async Task TwoEntriesOfOneSourceAreNeverMergedAsTheSameStory()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        const string title = "宁德时代发布2026年三季度业绩预告";

        var result = await test.IngestAsync(stcn, new ArticleBuilder().Key("s1").Title(title).Build(), new ArticleBuilder().Key("s2").Title(title).Build());

        Assert.Equal(2, result.Added);
    }

    [Theory]
    [InlineData("早间新闻")]
    [InlineData("收评")]
    public async Task BoilerplateTitlesOfDifferentStoriesDoNotMerge(string title)
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title(title).Body("<p>沪指低开高走，收盘上涨0.8%，券商板块领涨，北向资金净买入52亿元。</p>").Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title(title).Body("<p>美联储主席鲍威尔表示，通胀回落仍需时间，年内降息节奏将视数据而定。</p>").Build());

        Assert.Equal(1, result.Added);
        Assert.Equal(2, (await test.Store.GetLatestAsync(null, 10, 0, None)).Count);
    }

    [Fact]
    public async Task TheSameTitleOutsideTheWindowIsAnotherStory()
    {
        await using var test = await StorageTestStore.CreateAsync();
        const string title = "宁德时代发布2026年三季度业绩预告";
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title(title).Published(StorageTestStore.Start).Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title(title).Published(StorageTestStore.Start.AddDays(5)).Build());

        Assert.Equal(1, result.Added);
    }

    [Fact]
    public async Task AHigherPrioritySourceReportingLaterBecomesCanonicalUnderTheSameId()
    {
        await using var test = await StorageTestStore.CreateAsync();
        const string title = "宁德时代发布2026年三季度业绩预告";
        await test.IngestAsync(StorageTestStore.Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Title(title).Body($"<p>{CatlStory}</p>").Categories("博客").Build());
        var firstId = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None)).ArticleId;

        await test.IngestAsync(StorageTestStore.Source("stcn", priority: 10), new ArticleBuilder().From("stcn").Key("s1").Title(title).Body($"<p>证券时报网讯，{CatlStory}</p>").Categories("金融").Build());

        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Equal(firstId, stored.ArticleId);
        Assert.Equal("stcn", stored.Article.SourceId);
        Assert.Equal("stcn news", stored.SourceTitle);
        Assert.Contains("证券时报网讯", stored.Article.Body, StringComparison.Ordinal);
        Assert.Equal(["博客", "金融"], stored.Article.Categories);
        Assert.Equal("blog", Assert.Single(stored.AlsoReportedBy).SourceId);
    }

    [Fact]
    public async Task AHigherPrioritySourceFilesTheArticleInEveryCategoryUnderItsOwnPublishedTime()
    {
        await using var test = await StorageTestStore.CreateAsync();
        const string title = "宁德时代发布2026年三季度业绩预告";
        await test.IngestAsync(StorageTestStore.Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Title(title).Body($"<p>{CatlStory}</p>")
            .Categories("博客").Published(StorageTestStore.Start).Build());
        var later = StorageTestStore.Start.AddHours(2);

        await test.IngestAsync(StorageTestStore.Source("stcn", priority: 10), new ArticleBuilder().From("stcn").Key("s1").Title(title).Body($"<p>证券时报网讯，{CatlStory}</p>")
            .Categories("金融", "金融", "博客").Published(later).Build());

        foreach (var category in new[] { "博客", "金融" })
        {
            var stored = Assert.Single(await test.Store.GetLatestAsync(category, 10, 0, None));
            Assert.Equal(later, stored.Article.Published);
            Assert.Equal(["博客", "金融"], stored.Article.Categories);
        }
    }

    [Fact]
    public async Task ANameRepeatedInOneEntrysCategoriesIsStoredOnce()
    {
        await using var test = await StorageTestStore.CreateAsync();

        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().Key("a").Categories("金融", "要闻", "金融").Build());

        Assert.Equal(["金融", "要闻"], Assert.Single(await test.Store.GetLatestAsync("要闻", 10, 0, None)).Article.Categories);
    }

    [Fact]
    public async Task ALowerPrioritySourceReportingLaterStaysAnotherReport()
    {
        await using var test = await StorageTestStore.CreateAsync();
        const string title = "宁德时代发布2026年三季度业绩预告";
        await test.IngestAsync(StorageTestStore.Source("stcn", priority: 10), new ArticleBuilder().From("stcn").Key("s1").Title(title).Body($"<p>{CatlStory}</p>").Build());

        await test.IngestAsync(StorageTestStore.Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Title(title).Body($"<p>转载：{CatlStory}</p>").Build());

        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Equal("stcn", stored.Article.SourceId);
        Assert.Equal("blog", Assert.Single(stored.AlsoReportedBy).SourceId);
    }

    [Fact]
    public async Task AChangedReportOfAnotherSourceDoesNotOverwriteTheCanonicalCopy()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var link = "https://www.stcn.com/article/detail/1.html";
        await test.IngestAsync(StorageTestStore.Source("stcn", priority: 10), new ArticleBuilder().From("stcn").Key("s1").Link(link).Build());
        await test.IngestAsync(StorageTestStore.Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Link(link).Build());

        var result = await test.IngestAsync(StorageTestStore.Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Link(link).Body("<p>转载者改写的正文</p>").Build());

        Assert.Equal(1, result.Updated);
        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.DoesNotContain("转载者", stored.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicatesWithinOneBatchAreStoredOnce()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var article = new ArticleBuilder().Key("a").Build();

        var result = await test.IngestAsync(StorageTestStore.Source("stcn"), article, article);

        Assert.Equal(1, result.Added);
        Assert.Equal(1, result.Unchanged);
    }

    [Fact]
    public async Task KnownContentHashesAreThoseOfStoredEntriesOnly()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var article = new ArticleBuilder().Key("a").Build();
        await test.IngestAsync(StorageTestStore.Source("stcn"), article);

        var known = await test.Store.GetKnownContentHashesAsync("stcn", ["a", "missing"], None);

        Assert.Equal(article.ContentHash, Assert.Single(known).Value);
        Assert.Empty(await test.Store.GetKnownContentHashesAsync("cls", ["a"], None));
    }

    [Fact]
    public async Task ArticlesSurviveAReopen()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().Key("a").Thumbnail("https://img.example.com/a.jpg").Build());
        var before = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));

        await test.ReopenAsync();

        var after = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Equal(before.ArticleId, after.ArticleId);
        Assert.Equal(before.Article, after.Article with { Categories = before.Article.Categories });
        Assert.Equal(before.Article.Categories, after.Article.Categories);
    }
}
