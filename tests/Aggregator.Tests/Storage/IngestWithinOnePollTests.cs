using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage;

/// <summary>
/// An entry sees what the entries before it in the same poll wrote (its key, its link, a replaced
/// canonical copy). The guard for any batching of the per-entry lookups: one statement per poll
/// (json_each over the poll's keys) was tried on 2026-11-28 and answers these only with a poll-local
/// map of what the poll wrote (see bench/ingest.sh).
/// </summary>
public sealed class IngestWithinOnePollTests
{
    private const string Link = "https://www.stcn.com/article/detail/1.html";
    private const string Story = "宁德时代晚间发布2026年三季度业绩预告，预计前三季度归母净利润同比增长35%至42%，主要受益于储能电池出货量大幅增长及海外市场拓展。";

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TwoNewEntriesOfOnePollWithTheSameLinkAreOneArticle()
    {
        await using var test = await StorageTestStore.CreateAsync();

        var result = await test.IngestAsync(StorageTestStore.Source("stcn"),
            new ArticleBuilder().Key("a").Link(Link).Title("第一篇足够长的独立新闻标题甲").Body("<p>甲的正文</p>").Categories("金融").Build(),
            new ArticleBuilder().Key("b").Link(Link).Title("完全不同的另一条标题乙乙").Body("<p>乙的正文</p>").Categories("要闻").Build());

        Assert.Equal(1, result.Added);
        Assert.Equal(1, result.Merged);
        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Equal("a", stored.Article.EntryKey);
        Assert.Equal(["金融", "要闻"], stored.Article.Categories);
    }

    [Fact]
    public async Task TheSameNewEntryTwiceInOnePollWithChangedContentIsAddedThenUpdated()
    {
        await using var test = await StorageTestStore.CreateAsync();

        var result = await test.IngestAsync(StorageTestStore.Source("stcn"),
            new ArticleBuilder().Key("a").Body("<p>初稿：中标利率维持1.8%不变。</p>").Build(),
            new ArticleBuilder().Key("a").Body("<p>更正：中标利率下调10个基点至1.7%。</p>").Build());

        Assert.Equal(1, result.Added);
        Assert.Equal(1, result.Updated);
        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Contains("1.7%", stored.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkAnUpdatedEntryMovedToEarlierInThePollMergesALaterEntry()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Link("https://www.stcn.com/old.html").Title("第一篇足够长的独立新闻标题甲").Build());

        var result = await test.IngestAsync(stcn,
            new ArticleBuilder().Key("a").Link(Link).Title("第一篇足够长的独立新闻标题甲").Body("<p>改了</p>").Build(),
            new ArticleBuilder().Key("b").Link(Link).Title("完全不同的另一条标题乙乙").Body("<p>乙的正文</p>").Build());

        Assert.Equal(1, result.Updated);
        Assert.Equal(1, result.Merged);
        Assert.Equal(1, (await test.Store.GetStatisticsAsync(None)).Articles);
    }

    [Fact]
    public async Task AnEntryMergedEarlierInThePollAndChangedLaterDoesNotOverwriteTheCanonicalCopy()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Link(Link).Title("第一篇足够长的独立新闻标题甲").Body("<p>甲的正文</p>").Build());

        var result = await test.IngestAsync(stcn,
            new ArticleBuilder().Key("b").Link(Link).Title("完全不同的另一条标题乙乙").Body("<p>乙的正文</p>").Build(),
            new ArticleBuilder().Key("b").Link(Link).Title("完全不同的另一条标题乙乙").Body("<p>乙改写的正文</p>").Build());

        Assert.Equal(1, result.Merged);
        Assert.Equal(1, result.Updated);
        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Equal("a", stored.Article.EntryKey);
        Assert.Contains("甲的正文", stored.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryThatBecameCanonicalEarlierInThePollIsUpdatedAsTheCanonicalCopy()
    {
        await using var test = await StorageTestStore.CreateAsync();
        const string title = "宁德时代发布2026年三季度业绩预告";
        await test.IngestAsync(StorageTestStore.Source("blog", priority: 50), new ArticleBuilder().From("blog").Key("b1").Link(Link).Title(title).Body($"<p>{Story}</p>").Build());

        var result = await test.IngestAsync(StorageTestStore.Source("stcn", priority: 10),
            new ArticleBuilder().From("stcn").Key("s1").Link(Link).Title(title).Body($"<p>证券时报网讯，{Story}</p>").Build(),
            new ArticleBuilder().From("stcn").Key("s1").Link(Link).Title(title).Body($"<p>证券时报网讯（更新），{Story}</p>").Build());

        Assert.Equal(1, result.Merged);
        Assert.Equal(1, result.Updated);
        var stored = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.Equal("stcn", stored.Article.SourceId);
        Assert.Contains("（更新）", stored.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnePollOfStoredChangedLinkedTombstonedAndNewEntriesCountsEachOnce()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        var kept = new ArticleBuilder().Key("kept").Title("保留的足够长的独立新闻标题").Body("<p>保留</p>").Build();
        var changed = new ArticleBuilder().Key("changed").Title("会改动的足够长的新闻标题").Body("<p>旧</p>").Build();
        var old = new ArticleBuilder().Key("old").Link("https://www.stcn.com/old.html").Title("过期的足够长的独立新闻标题").Body("<p>过期</p>")
            .Published(StorageTestStore.Start.AddDays(-30)).Build();
        await test.IngestAsync(stcn, kept, changed, old);
        await test.Store.ApplyRetentionAsync(new RetentionPolicy { MaxAge = TimeSpan.FromDays(10) }, None);

        var result = await test.IngestAsync(stcn,
            kept,
            new ArticleBuilder().Key("changed").Title("会改动的足够长的新闻标题").Body("<p>新</p>").Build(),
            old,
            new ArticleBuilder().Key("linked").Link(kept.Link).Title("链接相同但标题不同的新闻").Body("<p>转</p>").Build(),
            new ArticleBuilder().Key("new").Title("全新的足够长的独立新闻标题").Body("<p>新的</p>").Build());

        Assert.Equal(1, result.Unchanged);
        Assert.Equal(1, result.Updated);
        Assert.Equal(1, result.Suppressed);
        Assert.Equal(1, result.Merged);
        Assert.Equal(1, result.Added);
        Assert.Equal(3, (await test.Store.GetStatisticsAsync(None)).Articles);
    }
}
