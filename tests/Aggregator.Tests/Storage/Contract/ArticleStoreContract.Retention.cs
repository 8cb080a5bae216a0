using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>Retention, deletion and the tombstones that keep deleted articles gone.</summary>
public abstract partial class ArticleStoreContract
{
    private async Task SeedDaysAsync(int count, string category = "要闻")
    {
        for (var i = 0; i < count; i++)
        {
            await IngestAsync(Source("stcn"), new ArticleBuilder().Key($"{category}{i}").Link($"https://stcn.example.com/{category}/{i}.html")
                .Title($"{category}第{i}条足够长的不同标题{i}").Body($"<p>正文{i}</p>").Fingerprint(0)
                .Categories(category).Published(StorageTestStore.Start.AddDays(-i)).Build());
        }
    }

    [Fact]
    public async Task ArticlesOlderThanTheMaximumAgeAreDeletedWithTombstones()
    {
        await SeedDaysAsync(5);

        var result = await Store.ApplyRetentionAsync(new RetentionPolicy { MaxAge = TimeSpan.FromDays(2.5) }, None);

        Assert.Equal(2, result.ArticlesDeleted);
        Assert.Equal(4, result.TombstonesAdded);
        Assert.Equal(["要闻0", "要闻1", "要闻2"], (await LatestAsync()).Select(a => a.Article.EntryKey));
        var stats = await Store.GetStatisticsAsync(None);
        Assert.Equal(3, stats.Entries);
        Assert.Equal(4, stats.Tombstones);
    }

    [Fact]
    public async Task AMaximumCountKeepsTheNewest()
    {
        await SeedDaysAsync(5);

        var result = await Store.ApplyRetentionAsync(new RetentionPolicy { MaxCount = 2 }, None);

        Assert.Equal(3, result.ArticlesDeleted);
        Assert.Equal(["要闻0", "要闻1"], (await LatestAsync()).Select(a => a.Article.EntryKey));
    }

    [Fact]
    public async Task ACategoryRuleTouchesOnlyThatCategory()
    {
        await SeedDaysAsync(4, "快讯");
        await SeedDaysAsync(4, "要闻");

        var policy = new RetentionPolicy { Categories = new Dictionary<string, CategoryRetention> { ["快讯"] = new(TimeSpan.FromDays(1.5), 1) } };
        var result = await Store.ApplyRetentionAsync(policy, None);

        Assert.Equal(3, result.ArticlesDeleted);
        Assert.Single(await LatestAsync("快讯"));
        Assert.Equal(4, (await LatestAsync("要闻")).Count);
    }

    [Fact]
    public async Task RetentionWithNothingExpiredDeletesNothing()
    {
        await SeedDaysAsync(2);

        var result = await Store.ApplyRetentionAsync(new RetentionPolicy { MaxAge = TimeSpan.FromDays(30), MaxCount = 10 }, None);

        Assert.Equal(new RetentionResult(0, 0), result);
        Assert.Equal(2, (await LatestAsync()).Count);
    }

    [Fact]
    public async Task AnExpiredArticleNeverComesBackFromItsSourceOrAnother()
    {
        await SeedDaysAsync(3);
        await Store.ApplyRetentionAsync(new RetentionPolicy { MaxCount = 1 }, None);

        var again = await IngestAsync(Source("stcn"), new ArticleBuilder().Key("要闻2").Link("https://stcn.example.com/要闻/2.html").Build());
        var elsewhere = await IngestAsync(Source("cls"), new ArticleBuilder().From("cls").Key("c").Link("https://stcn.example.com/要闻/1.html").Build());

        Assert.Equal(1, again.Suppressed);
        Assert.Equal(1, elsewhere.Suppressed);
        Assert.Single(await LatestAsync());
    }

    [Fact]
    public async Task ADeletedArticleStaysDeletedAfterAReopen()
    {
        var article = new ArticleBuilder().Key("a").Build();
        await IngestAsync(Source("stcn"), article);
        var id = Assert.Single(await LatestAsync()).ArticleId;

        Assert.True(await Store.DeleteArticleAsync(id, None));
        Assert.False(await Store.DeleteArticleAsync(id, None));
        await ReopenAsync();
        var result = await IngestAsync(Source("stcn"), article);

        Assert.Equal(1, result.Suppressed);
        Assert.Empty(await LatestAsync());
    }
}
