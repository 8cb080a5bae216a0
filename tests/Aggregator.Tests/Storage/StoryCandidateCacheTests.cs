using Aggregator.Storage;
using Aggregator.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

public sealed class StoryCandidateCacheTests
{
    private const string CatlStory = "宁德时代晚间发布2026年三季度业绩预告，预计前三季度归母净利润同比增长35%至42%，主要受益于储能电池出货量大幅增长及海外市场拓展。";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly long Week = ArticleKeys.StoryBucket(ArticleKeys.ToStored(StorageTestStore.Start));

    [Fact]
    public void AnArticleIsAddedToItsGroupsInPublishedOrderOnlyWhenItsWeekIsLoaded()
    {
        var cache = new StoryCandidateCache(100);
        var noon = ArticleKeys.ToStored(StorageTestStore.Start);
        cache.Load(Week, [Row(1, noon, "宁德时代", "业绩预告"), Row(2, noon + 2000, "宁德时代", "三季报")]);

        cache.Add(3, noon + 1000, "宁德时代", "业绩预告", 7);
        cache.Add(4, noon + ArticleKeys.StoryBucketMilliseconds, "宁德时代", "业绩预告", 7);

        Assert.Equal([1L, 3L, 2L], Seqs(cache, Week, false, "宁德时代"));
        Assert.Equal([1L, 3L], Seqs(cache, Week, true, "业绩预告"));
        Assert.False(cache.TryFind(Week + 1, false, "宁德时代", long.MinValue, long.MaxValue, out _));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void AGroupALoadedWeekDoesNotHoldIsEmpty()
    {
        var cache = new StoryCandidateCache(100);
        cache.Load(Week, []);

        Assert.Empty(Seqs(cache, Week, false, "宁德时代"));
        Assert.True(cache.IsLoaded(Week));
    }

    [Fact]
    public void ARemovedArticleLeavesItsGroups()
    {
        var cache = new StoryCandidateCache(100);
        var noon = ArticleKeys.ToStored(StorageTestStore.Start);
        cache.Load(Week, [Row(1, noon, "宁德时代", "业绩预告"), Row(2, noon, "比亚迪发", "业绩预告")]);

        cache.Remove(1, noon, "宁德时代", "业绩预告");

        Assert.Empty(Seqs(cache, Week, false, "宁德时代"));
        Assert.Equal(2, Assert.Single(Seqs(cache, Week, true, "业绩预告")));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void LoadingAWeekPastTheCapacityDropsTheOtherWeeksAndKeepsItWhole()
    {
        var cache = new StoryCandidateCache(2);
        cache.Load(Week, [Row(1, 0, "a", "a"), Row(2, 0, "b", "b")]);

        cache.Load(Week + 1, [Row(3, 0, "c", "c"), Row(4, 0, "d", "d"), Row(5, 0, "e", "e")]);

        Assert.False(cache.IsLoaded(Week));
        Assert.Equal(5, Assert.Single(Seqs(cache, Week + 1, true, "e")));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void AGroupIsReadWithinTheWindowBothEndsIncluded()
    {
        var cache = new StoryCandidateCache(100);
        cache.Load(Week, [Row(1, 99, "a", "z"), Row(2, 100, "a", "z"), Row(3, 100, "a", "z"), Row(4, 150, "a", "z"), Row(5, 200, "a", "z"), Row(6, 201, "a", "z")]);

        Assert.Equal([2L, 3L, 4L, 5L], Seqs(cache, Week, false, "a", 100, 200));
        Assert.Equal([2L, 3L], Seqs(cache, Week, false, "a", 100, 100));
        Assert.Empty(Seqs(cache, Week, false, "a", 101, 149));
        Assert.Empty(Seqs(cache, Week, false, "a", 202, 300));
        Assert.Empty(Seqs(cache, Week, false, "a", 0, 98));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], Seqs(cache, Week, true, "z", long.MinValue, long.MaxValue));
    }

    [Fact]
    public void TheWindowHoldsWhatALinearFilterOfTheGroupHolds()
    {
        var random = new Random(20261128);
        for (var round = 0; round < 200; round++)
        {
            var cache = new StoryCandidateCache(10_000);
            var rows = Enumerable.Range(1, random.Next(0, 60))
                .Select(seq => Row(seq, random.Next(0, 40), "a", "z"))
                .OrderBy(row => row.Item1.Published).ThenBy(row => row.Item1.Seq)
                .ToList();
            cache.Load(Week, rows);
            // Articles written after the load go through Add, as the writer's inserts do.
            for (var added = 0; added < random.Next(0, 10); added++)
                cache.Add(1000 + added, random.Next(0, 40), "a", "z", 0);
            var from = random.Next(-5, 45);
            var to = from + random.Next(-3, 20);

            var all = Entries(cache, Week, false, "a");
            Assert.Equal(cache.Count, all.Length);
            Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Published <= pair.Second.Published), "a group stays in published order");
            Assert.Equal([.. all.Where(entry => entry.Published >= from && entry.Published <= to).Select(entry => entry.Seq)], Seqs(cache, Week, false, "a", from, to));
        }
    }

    /// <summary>The entries a loaded week's group holds within the window.</summary>
    private static StoryIndexEntry[] Entries(StoryCandidateCache cache, long week, bool end, string anchor, long from = long.MinValue, long to = long.MaxValue)
    {
        Assert.True(cache.TryFind(week, end, anchor, from, to, out var entries));
        return entries.ToArray();
    }

    private static long[] Seqs(StoryCandidateCache cache, long week, bool end, string anchor, long from = long.MinValue, long to = long.MaxValue) =>
        [.. Entries(cache, week, end, anchor, from, to).Select(entry => entry.Seq)];

    private static (StoryIndexEntry, string, string) Row(long seq, long published, string start, string end) =>
        (new StoryIndexEntry(seq, published, 0), start, end);

    [Fact]
    public async Task ADeletedArticleIsNoLongerAStoryCandidate()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(StorageTestStore.Source("stcn"), Catl("stcn", "s1", "【快讯】宁德时代发布2026年三季度业绩预告"));
        var article = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None));
        Assert.True(await test.Store.DeleteArticleAsync(article.ArticleId, None));

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), Catl("cls", "c1", "「快讯」宁德时代发布2026年三季度业绩预告！"));

        Assert.Equal(1, result.Added);
    }

    [Fact]
    public async Task AnArticleDeletedByAnotherConnectionIsNoLongerAStoryCandidate()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(StorageTestStore.Source("stcn"), Catl("stcn", "s1", "【快讯】宁德时代发布2026年三季度业绩预告"));
        await using (var other = new SqliteConnection($"Data Source={test.Store.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await other.ExecuteAsync("PRAGMA foreign_keys = ON; DELETE FROM articles;");
        }

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), Catl("cls", "c1", "「快讯」宁德时代发布2026年三季度业绩预告！"));

        Assert.Equal(1, result.Added);
    }

    [Fact]
    public async Task AStoryWrittenByAnotherConnectionIsACandidate()
    {
        await using var test = await StorageTestStore.CreateAsync();
        // Another story under the same title anchors loads the story's groups into the writer's cache.
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("other").Title("宁德时代子公司发布业绩预告").Body("<p>子公司预计全年营收100亿元。</p>").Published(StorageTestStore.Start).Build());
        await using (var second = await SqliteArticleStore.OpenAsync(Path.GetDirectoryName(test.Store.DatabasePath)!, TimeProvider.System, null, None))
            await second.IngestAsync(StorageTestStore.Source("stcn"), [Catl("stcn", "s1", "【快讯】宁德时代发布2026年三季度业绩预告")], StorageTestStore.Start, None);

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), Catl("cls", "c1", "「快讯」宁德时代发布2026年三季度业绩预告！"));

        Assert.Equal(1, result.Merged);
    }

    private static Aggregator.Model.Article Catl(string source, string key, string title) =>
        new ArticleBuilder().From(source).Key(key).Title(title).Body($"<p>{CatlStory}</p>").Published(StorageTestStore.Start).Build();
}
