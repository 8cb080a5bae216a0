using Aggregator.Model;
using Aggregator.Storage;
using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

/// <summary>
/// Schema 5 lists a category row by when it was written, not by the article's publication time
/// (SqliteCategoryWalk): a category still reads newest-published first, whatever order the rows were
/// written in (backfills, late merges, corrected dates), page after page.
/// </summary>
public sealed class CategoryWalkTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string[] Names = ["要闻", "快讯", "公司"];

    private static Article Story(string source, string key, string link, DateTimeOffset published, ulong fingerprint, params string[] categories) =>
        new ArticleBuilder().From(source).Key(key).Link(link).Title($"{key}号标题互不相同{fingerprint}").Body($"<p>{key}正文{fingerprint}</p>")
            .Fingerprint(fingerprint).Categories(categories).Published(published).Build();

    [Fact]
    public async Task ABackfillWrittenAfterNewerNewsPagesBehindItInPublishedOrder()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var source = StorageTestStore.Source("stcn");
        var now = StorageTestStore.Start;
        for (var i = 0; i < 4; i++)
            await test.IngestAsync(source, Story("stcn", $"new{i}", $"https://stcn.example.com/new/{i}", now.AddHours(-i), (ulong)i + 1, "要闻"));
        // A day later a backfill of older news arrives: written last, listed first, published long before.
        test.Time.Advance(TimeSpan.FromDays(1));
        for (var i = 0; i < 4; i++)
            await test.IngestAsync(source, Story("stcn", $"old{i}", $"https://stcn.example.com/old/{i}", now.AddDays(-10 - i), (ulong)i + 11, "要闻"));
        // And one published between the two groups.
        await test.IngestAsync(source, Story("stcn", "mid", "https://stcn.example.com/mid", now.AddHours(-5), 21, "要闻"));

        string[] expected = ["new0", "new1", "new2", "new3", "mid", "old0", "old1", "old2", "old3"];
        Assert.Equal(expected, (await test.Store.GetLatestAsync("要闻", 20, 0, None)).Select(a => a.Article.EntryKey));
        Assert.Equal(expected[..3], (await test.Store.GetLatestAsync("要闻", 3, 0, None)).Select(a => a.Article.EntryKey));
        Assert.Equal(expected[3..6], (await test.Store.GetLatestAsync("要闻", 3, 3, None)).Select(a => a.Article.EntryKey));
        Assert.Equal(expected[6..], (await test.Store.GetLatestAsync("要闻", 3, 6, None)).Select(a => a.Article.EntryKey));
        Assert.Empty(await test.Store.GetLatestAsync("要闻", 3, 9, None));
    }

    // The common case: news written minutes after it is published, so the index's order is the
    // published order and a deep page must reach past the first rows of the index.
    [Fact]
    public async Task NewsWrittenAsItIsPublishedPagesDeepIntoItsCategory()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var source = StorageTestStore.Source("stcn");
        for (var i = 0; i < 12; i++)
        {
            test.Time.Advance(TimeSpan.FromMinutes(30));
            var published = test.Time.GetUtcNow().AddMinutes(-5);
            await test.IngestAsync(source, Story("stcn", $"n{i:00}", $"https://stcn.example.com/n/{i}", published, (ulong)i + 1, "快讯"));
        }

        Assert.Equal(["n05", "n04", "n03", "n02"], (await test.Store.GetLatestAsync("快讯", 4, 6, None)).Select(a => a.Article.EntryKey));
        var last = await test.Store.GetLatestAsync("快讯", 4, 10, None);
        Assert.Equal(["n01", "n00"], last.Select(a => a.Article.EntryKey));
        Assert.Equal(last.Select(a => a.ArticleId), (await test.Store.GetLatestKeysAsync("快讯", 4, 10, None)).Select(k => k.ArticleId));
    }

    [Fact]
    public async Task ACategoryALaterReportAddsToAnOldArticleFindsItAtItsPublishedTime()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var now = StorageTestStore.Start;
        await test.IngestAsync(StorageTestStore.Source("stcn"), Story("stcn", "old", "https://stcn.example.com/old", now.AddDays(-3), 1, "要闻"));
        await test.IngestAsync(StorageTestStore.Source("stcn"), Story("stcn", "new", "https://stcn.example.com/new", now.AddHours(-1), 2, "快讯"));
        test.Time.Advance(TimeSpan.FromHours(6));

        // cls reports the old story under its link (level 2) in 快讯: the category joins the article now.
        var merged = await test.IngestAsync(StorageTestStore.Source("cls"), Story("cls", "c1", "https://stcn.example.com/old", now.AddDays(-3), 1, "快讯"));

        Assert.Equal(1, merged.Merged);
        Assert.Equal(["new", "old"], (await test.Store.GetLatestAsync("快讯", 10, 0, None)).Select(a => a.Article.EntryKey));
        Assert.Equal(["new"], (await test.Store.GetLatestAsync("快讯", 1, 0, None)).Select(a => a.Article.EntryKey));
    }

    [Fact]
    public async Task CategoryRetentionJudgesThePublishedTimeNotWhenTheRowWasWritten()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var source = StorageTestStore.Source("stcn");
        var now = StorageTestStore.Start;
        await test.IngestAsync(source, Story("stcn", "new", "https://stcn.example.com/new", now.AddHours(-1), 1, "要闻"));
        await test.IngestAsync(source, Story("stcn", "newer", "https://stcn.example.com/newer", now, 2, "要闻"));
        // Written later, published long ago: listed at the head of the category, yet the oldest story.
        test.Time.Advance(TimeSpan.FromHours(1));
        await test.IngestAsync(source, Story("stcn", "old", "https://stcn.example.com/old", now.AddDays(-20), 3, "要闻"));
        await test.IngestAsync(source, Story("stcn", "older", "https://stcn.example.com/older", now.AddDays(-30), 4, "要闻"));

        var byAge = new RetentionPolicy { Categories = new Dictionary<string, CategoryRetention> { ["要闻"] = new(TimeSpan.FromDays(25), null) } };
        Assert.Equal(1, (await test.Store.ApplyRetentionAsync(byAge, None)).ArticlesDeleted);
        Assert.Equal(["newer", "new", "old"], (await test.Store.GetLatestAsync("要闻", 10, 0, None)).Select(a => a.Article.EntryKey));

        var byCount = new RetentionPolicy { Categories = new Dictionary<string, CategoryRetention> { ["要闻"] = new(null, 2) } };
        Assert.Equal(1, (await test.Store.ApplyRetentionAsync(byCount, None)).ArticlesDeleted);
        Assert.Equal(["newer", "new"], (await test.Store.GetLatestAsync("要闻", 10, 0, None)).Select(a => a.Article.EntryKey));
    }

    // A backfill can put thousands of rows ahead of a page; the walk gives up between rows when asked to.
    [Fact]
    public async Task ACancelledWalkStopsWithoutAPage()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(StorageTestStore.Source("stcn"), Story("stcn", "a", "https://stcn.example.com/a", StorageTestStore.Start, 1, "要闻"));
        await using var connection = new SqliteConnection($"Data Source={test.Store.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: true);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Throws<OperationCanceledException>(() => SqliteCategoryWalk.PageSeqs(connection, transaction, "要闻", 10, 0, cancelled.Token));
        Assert.Equal("[", SqliteCategoryWalk.PageSeqs(connection, transaction, "要闻", 10, 0, CancellationToken.None)[..1]);
    }

    // Random polls, a random clock, backfills, future dates, merges that add categories and canonical
    // takeovers that move the published time: every category, read page by page (full and key reads),
    // is exactly the everything feed's order filtered to the category.
    [Theory]
    [InlineData(20261128)]
    [InlineData(7)]
    [InlineData(1999)]
    public async Task EveryPageOfEveryCategoryIsThePublishedOrderWhateverOrderTheRowsWereWrittenIn(int seed)
    {
        await using var test = await StorageTestStore.CreateAsync();
        var random = new Random(seed);
        var stcn = StorageTestStore.Source("stcn", priority: 100);
        var cls = StorageTestStore.Source("cls", priority: 50);
        var links = new List<string>();
        var versions = new Dictionary<string, int>();
        for (var step = 0; step < 220; step++)
        {
            test.Time.Advance(TimeSpan.FromMinutes(random.Next(0, 240)));
            var now = test.Time.GetUtcNow();
            var published = random.Next(20) == 0 ? now.AddMinutes(random.Next(1, 600)) : now.AddMinutes(-random.Next(0, 60 * 24 * 60));
            var categories = Names.Where(_ => random.Next(2) == 0).DefaultIfEmpty(Names[random.Next(Names.Length)]).ToArray();
            var roll = random.Next(10);
            if (roll < 6 || links.Count == 0)
            {
                var link = $"https://stcn.example.com/{step}";
                links.Add(link);
                await test.IngestAsync(stcn, Story("stcn", $"s{step}", link, published, (ulong)step * 7919 + 1, categories));
            }
            else
            {
                // The same link again: from cls (level 2, and cls outranks stcn: its copy and date become canonical),
                // or a changed stcn entry (level 1, a new date and maybe new categories).
                var index = random.Next(links.Count);
                var link = links[index];
                var key = link[(link.LastIndexOf('/') + 1)..];
                var version = versions[link] = versions.GetValueOrDefault(link) + 1;
                var article = roll < 8
                    ? Story("cls", $"c{key}", link, published, (ulong)version * 104729 + 3, categories)
                    : Story("stcn", $"s{key}", link, published, (ulong)version * 104729 + 5, categories);
                await test.IngestAsync(roll < 8 ? cls : stcn, article);
            }
        }

        var everything = await test.Store.GetLatestAsync(null, 10_000, 0, None);
        Assert.True(everything.Count > 100);
        foreach (var name in Names)
        {
            var expected = everything.Where(a => a.Article.Categories.Contains(name)).Select(a => a.ArticleId).ToList();
            var pages = new List<string>();
            var keys = new List<string>();
            for (var offset = 0; ; offset += 7)
            {
                var page = await test.Store.GetLatestAsync(name, 7, offset, None);
                var pageKeys = await test.Store.GetLatestKeysAsync(name, 7, offset, None);
                pages.AddRange(page.Select(a => a.ArticleId));
                keys.AddRange(pageKeys.Select(k => k.ArticleId));
                if (page.Count < 7)
                    break;
            }

            Assert.Equal(expected, pages);
            Assert.Equal(expected, keys);
            Assert.Equal(expected.Take(25), (await test.Store.GetLatestAsync(name, 25, 0, None)).Select(a => a.ArticleId));
        }
    }
}
