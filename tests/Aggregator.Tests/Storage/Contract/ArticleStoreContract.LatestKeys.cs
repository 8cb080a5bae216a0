using Aggregator.Model;
using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>The light keys a republish reads first, and the fetch of the articles it has no rendering of.</summary>
public abstract partial class ArticleStoreContract
{
    private const string SharedLink = "https://www.stcn.com/article/detail/1.html";

    private async Task<LatestArticleKey> OnlyKeyAsync() => Assert.Single(await Store.GetLatestKeysAsync(null, 10, 0, None));

    [Fact]
    public async Task KeysComeInTheOrderOfTheLatestArticlesWithTheirDates()
    {
        await SeedHoursAsync();

        foreach (var (category, offset) in new (string?, int)[] { (null, 0), (null, 2), ("快讯", 0), ("要闻", 1), ("不存在", 0) })
        {
            var articles = await Store.GetLatestAsync(category, 3, offset, None);
            var keys = await Store.GetLatestKeysAsync(category, 3, offset, None);

            Assert.Equal(articles.Select(a => a.ArticleId), keys.Select(k => k.ArticleId));
            Assert.Equal(articles.Select(a => (a.Article.Published, a.Article.Updated, a.FirstSeen, a.LastChanged)),
                keys.Select(k => (k.Published, k.Updated, k.FirstSeen, k.LastChanged)));
        }
    }

    [Fact]
    public async Task ArticlesFetchedByKeyAreTheLatestArticlesAndMissingOnesAreLeftOut()
    {
        await SeedHoursAsync();
        await IngestAsync(Source("stcn"), new ArticleBuilder().From("stcn").Key("g1").Link(SharedLink).Categories("金融", "要闻").Build());
        await IngestAsync(Source("cls"), new ArticleBuilder().From("cls").Key("x9").Link(SharedLink).Categories("快讯").Build());
        var latest = await Store.GetLatestAsync(null, 10, 0, None);
        var keys = await Store.GetLatestKeysAsync(null, 10, 0, None);
        var merged = latest.Single(a => a.AlsoReportedBy.Count > 0);
        var other = latest.Last(a => a.AlsoReportedBy.Count == 0);
        var missing = keys[0] with { ArticleId = "no-such-article", Seq = keys.Max(k => k.Seq) + 100 };

        var fetched = await Store.GetArticlesAsync([.. keys.Where(k => k.ArticleId == merged.ArticleId || k.ArticleId == other.ArticleId), missing], None);

        Assert.Equal(new[] { merged, other }.Select(Describe).Order(StringComparer.Ordinal), fetched.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Empty(await Store.GetArticlesAsync([], None));
    }

    [Fact]
    public async Task AKeyOfADeletedArticleFetchesNothingEvenWhenANewerArticleTookItsPlace()
    {
        await IngestAsync(Source("stcn"), new ArticleBuilder().From("stcn").Key("a").Build());
        var deleted = await OnlyKeyAsync();
        Assert.True(await Store.DeleteArticleAsync(deleted.ArticleId, None));
        // A new newest article may be given the deleted one's row key (SQLite reuses the highest freed rowid).
        await IngestAsync(Source("stcn"), new ArticleBuilder().From("stcn").Key("b").Link("https://www.stcn.com/article/detail/2.html").Build());

        Assert.Empty(await Store.GetArticlesAsync([deleted], None));
        Assert.Single(await Store.GetArticlesAsync([await OnlyKeyAsync()], None));
    }

    /// <summary>Every field of a published article as text (its lists compare by reference, not by content).</summary>
    private static string Describe(PublishedArticle a) => string.Join("\n",
        a.ArticleId, a.Article with { Categories = [] }, string.Join(",", a.Article.Categories), string.Join(",", a.AlsoReportedBy),
        a.SourceTitle, a.SourceUrl, a.FirstSeen, a.LastChanged);

    [Fact]
    public async Task AnUnchangedArticleKeepsItsVersion()
    {
        var article = new ArticleBuilder().Key("a").Build();
        await IngestAsync(Source("stcn"), article);
        var before = await OnlyKeyAsync();
        Time.Advance(TimeSpan.FromHours(1));

        await IngestAsync(Source("stcn"), article);

        Assert.Equal(before, await OnlyKeyAsync());
    }

    [Fact]
    public async Task AnUpdatedArticleGetsANewVersion()
    {
        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Build());
        var before = await OnlyKeyAsync();
        Time.Advance(TimeSpan.FromHours(1));

        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Body("<p>更正：中标利率下调10个基点至1.7%。</p>").Build());

        Assert.NotEqual(before.Version, (await OnlyKeyAsync()).Version);
    }

    [Fact]
    public async Task AnotherSourceReportingTheStoryWithANewCategoryGivesANewVersion()
    {
        await IngestAsync(Source("stcn"), new ArticleBuilder().From("stcn").Key("g1").Link(SharedLink).Categories("金融").Build());
        var before = await OnlyKeyAsync();

        await IngestAsync(Source("cls"), new ArticleBuilder().From("cls").Key("x9").Link(SharedLink).Categories("金融").Build());
        var reported = await OnlyKeyAsync();
        await IngestAsync(Source("cnstock"), new ArticleBuilder().From("cnstock").Key("y1").Link(SharedLink).Categories("快讯").Build());

        Assert.NotEqual(before.Version, reported.Version);
        Assert.NotEqual(reported.Version, (await OnlyKeyAsync()).Version);
    }

    [Fact]
    public async Task RenamingTheSourceGivesANewVersion()
    {
        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Build());
        var before = await OnlyKeyAsync();

        await Store.SyncSourcesAsync([StorageTestStore.Source("stcn", title: "证券时报")], None);

        Assert.NotEqual(before.Version, (await OnlyKeyAsync()).Version);
    }
}
