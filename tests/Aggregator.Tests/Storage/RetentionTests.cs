using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage;

public sealed class RetentionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task SeedAsync(StorageTestStore test, int count, string category = "要闻")
    {
        var source = StorageTestStore.Source("stcn");
        for (var i = 0; i < count; i++)
        {
            await test.IngestAsync(source, new ArticleBuilder().Key($"{category}{i}").Link($"https://stcn.example.com/{category}/{i}.html")
                .Title($"{category}第{i}条足够长的不同标题{i}").Body($"<p>正文{i}</p>").Fingerprint(0)
                .Categories(category).Published(StorageTestStore.Start.AddDays(-i)).Build());
        }
    }

    [Fact]
    public async Task ArticlesOlderThanTheMaximumAgeAreDeletedWithTombstones()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await SeedAsync(test, 5);

        var result = await test.Store.ApplyRetentionAsync(new RetentionPolicy { MaxAge = TimeSpan.FromDays(2.5) }, None);

        Assert.Equal(2, result.ArticlesDeleted);
        Assert.Equal(4, result.TombstonesAdded);
        Assert.Equal(["要闻0", "要闻1", "要闻2"], (await test.Store.GetLatestAsync(null, 10, 0, None)).Select(a => a.Article.EntryKey));
        Assert.Equal(0, (await test.Store.GetStatisticsAsync(None)).Entries - 3);
    }

    [Fact]
    public async Task AMaximumCountKeepsTheNewest()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await SeedAsync(test, 5);

        var result = await test.Store.ApplyRetentionAsync(new RetentionPolicy { MaxCount = 2 }, None);

        Assert.Equal(3, result.ArticlesDeleted);
        Assert.Equal(["要闻0", "要闻1"], (await test.Store.GetLatestAsync(null, 10, 0, None)).Select(a => a.Article.EntryKey));
    }

    [Fact]
    public async Task ACategoryRuleTouchesOnlyThatCategory()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await SeedAsync(test, 4, "快讯");
        await SeedAsync(test, 4, "要闻");

        var policy = new RetentionPolicy { Categories = new Dictionary<string, CategoryRetention> { ["快讯"] = new(TimeSpan.FromDays(1.5), 1) } };
        var result = await test.Store.ApplyRetentionAsync(policy, None);

        Assert.Equal(3, result.ArticlesDeleted);
        Assert.Single(await test.Store.GetLatestAsync("快讯", 10, 0, None));
        Assert.Equal(4, (await test.Store.GetLatestAsync("要闻", 10, 0, None)).Count);
    }

    [Fact]
    public async Task AnExpiredArticleNeverComesBackFromItsSourceOrAnother()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await SeedAsync(test, 3);
        await test.Store.ApplyRetentionAsync(new RetentionPolicy { MaxCount = 1 }, None);
        var before = await test.RowsWrittenAsync();

        var again = await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().Key("要闻2").Link("https://stcn.example.com/要闻/2.html").Build());
        var elsewhere = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c").Link("https://stcn.example.com/要闻/1.html").Build());

        Assert.Equal(1, again.Suppressed);
        Assert.Equal(1, elsewhere.Suppressed);
        // Only the first sight of source "cls" is written; no article row.
        Assert.Equal(before + 1, await test.RowsWrittenAsync());
        Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
    }

    [Fact]
    public async Task ADeletedArticleStaysDeleted()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var article = new ArticleBuilder().Key("a").Build();
        await test.IngestAsync(StorageTestStore.Source("stcn"), article);
        var id = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None)).ArticleId;

        Assert.True(await test.Store.DeleteArticleAsync(id, None));
        Assert.False(await test.Store.DeleteArticleAsync(id, None));
        var result = await test.IngestAsync(StorageTestStore.Source("stcn"), article);

        Assert.Equal(1, result.Suppressed);
        Assert.Empty(await test.Store.GetLatestAsync(null, 10, 0, None));
    }
}
