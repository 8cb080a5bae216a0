using Aggregator.Publishing;
using Aggregator.Publishing.Atom;
using Aggregator.Tests.Support;
using static Aggregator.Tests.Publishing.PublishingTestSite;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Atom;

/// <summary>
/// Republishing over the real SQLite store with a kept entry cache: the store hands out light keys,
/// the cache decides what to fetch and render again, and the bytes must be those of a fresh build.
/// </summary>
public sealed class StoreRepublishTests : IAsyncLifetime
{
    // One story as two sources carry it: the reprint differs by a source prefix, not by substance.
    private const string CatlStory = "宁德时代晚间发布2026年三季度业绩预告，预计前三季度归母净利润同比增长35%至42%，主要受益于储能电池出货量大幅增长及海外市场拓展。";
    private const string SharedLink = "https://www.stcn.com/article/detail/1.html";
    private StorageTestStore? test;

    private StorageTestStore Test => test ?? throw new InvalidOperationException("The store is not open.");

    public async Task InitializeAsync() => test = await StorageTestStore.CreateAsync();

    public async Task DisposeAsync()
    {
        if (test is not null)
            await test.DisposeAsync();
    }

    [Fact]
    public async Task AnArticleUpdatedInTheStoreIsRenderedAgainOnRepublish()
    {
        var cache = new EntryFragmentCache();
        var builder = new SiteBuilder(Options(), cache);
        await Test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().Key("a").Title("央行开展逆回购操作").Categories("金融").Build());
        await builder.BuildAsync(Settings(), Test.Store, CancellationToken.None);
        Test.Time.Advance(TimeSpan.FromHours(1));

        await Test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().Key("a").Title("更正：央行开展逆回购操作")
            .Body("<p>更正：中标利率下调10个基点至1.7%。</p>").Categories("金融").Build());
        var site = await builder.BuildAsync(Settings(), Test.Store, CancellationToken.None);

        var entry = Entries(Feed(site, "feeds/finance.atom")).Single();
        Assert.Equal("更正：央行开展逆回购操作", entry.Element(AtomNs + "title")!.Value);
        Assert.Contains("1.7%", entry.Element(AtomNs + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task CachedRepublishAfterMergesGivesTheBytesOfAFreshBuild()
    {
        var builder = new SiteBuilder(Options(), new EntryFragmentCache());
        await Test.IngestAsync(StorageTestStore.Source("stcn"),
            new ArticleBuilder().From("stcn").Key("g1").Link(SharedLink).Categories("金融").Build(),
            new ArticleBuilder().From("stcn").Key("s1").Title("【快讯】宁德时代发布2026年三季度业绩预告").Body($"<p>{CatlStory}</p>").Categories("金融").Build());
        await builder.BuildAsync(Settings(), Test.Store, CancellationToken.None);

        // Other sources report both stories: neither content nor its change time moves, yet one entry
        // gains a category (same link) and the other a related link (same story under another link).
        await Test.IngestAsync(StorageTestStore.Source("mw"),
            new ArticleBuilder().From("mw").Key("m1").Link(SharedLink).Categories("要闻").Build(),
            new ArticleBuilder().From("mw").Key("m2").Title("「快讯」宁德时代发布2026年三季度业绩预告！").Body($"<p>财联社电，{CatlStory}</p>").Categories("金融").Build());
        var cached = await builder.BuildAsync(Settings(), Test.Store, CancellationToken.None);
        var fresh = await new SiteBuilder(Options()).BuildAsync(Settings(), Test.Store, CancellationToken.None);

        Assert.Equal(fresh.Files.Select(f => f.Path), cached.Files.Select(f => f.Path));
        Assert.All(fresh.Files, f => Assert.Equal(f.Content, cached.Find(f.Path)!.Content));
        Assert.Single(Entries(Feed(cached, "feeds/headlines.atom")));
        var story = Assert.Single(Entries(Feed(cached, "feeds/all.atom")), e => Link(e, "related") is not null);
        Assert.Equal("https://mw.example.com/news/m2.html", Link(story, "related"));
    }
}
