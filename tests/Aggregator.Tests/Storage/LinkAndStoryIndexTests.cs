using Aggregator.Storage;
using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

/// <summary>
/// The indexes behind dedupe levels 2 and 3: links owned by one article each (enforced by SQLite, not
/// only by the ingest code) and title indexes split by publication week, which must not split a story.
/// </summary>
public sealed class LinkAndStoryIndexTests
{
    private const string Story = "<p>国家统计局今日发布数据显示，10月份全国规模以上工业增加值同比实际增长5.3%，比上月加快0.2个百分点；社会消费品零售总额同比增长4.8%。</p>";

    private static readonly CancellationToken None = CancellationToken.None;

    private static DateTimeOffset NextWeekBoundary(DateTimeOffset after) =>
        ArticleKeys.FromStored((ArticleKeys.StoryBucket(ArticleKeys.ToStored(after)) + 1) * ArticleKeys.StoryBucketMilliseconds);

    [Fact]
    public async Task TheSameStoryEitherSideOfAWeekBoundaryIsOneArticle()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var boundary = NextWeekBoundary(StorageTestStore.Start);
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title("统计局：10月工业增加值同比增长5.3%").Body(Story).Published(boundary.AddHours(-1)).Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title("统计局：10月工业增加值同比增长5.3%").Body(Story).Published(boundary.AddHours(1)).Build());

        Assert.Equal(1, result.Merged);
    }

    [Fact]
    public async Task AStoryEndingLikeAnEarlierOneInThePreviousWeekIsOneArticle()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var boundary = NextWeekBoundary(StorageTestStore.Start);
        await test.IngestAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().From("stcn").Key("s1").Title("宁德时代三季度净利增25%").Body(Story).Published(boundary.AddHours(-30)).Build());

        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c1").Title("财联社快讯：宁德时代三季度净利增25%").Body(Story).Published(boundary.AddHours(10)).Build());

        Assert.Equal(1, result.Merged);
    }

    [Fact]
    public async Task TheDatabaseRefusesACanonicalLinkThatAnotherArticleOwns()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Link("https://stcn.example.com/a.html").Title("第一篇足够长的独立新闻标题甲").Build(),
            new ArticleBuilder().Key("b").Link("https://stcn.example.com/b.html").Title("第二篇足够长的独立新闻标题乙").Build());

        await using var connection = new SqliteConnection($"Data Source={test.Store.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE articles SET canonical_link = 'https://stcn.example.com/b.html' WHERE entry_key = 'a';";
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO articles (id, canonical_link, source_id, entry_key, title, title_key, author, published, first_seen,
                last_changed, body, summary, content_hash, title_start, title_end, fingerprint)
            VALUES ('x', 'https://stcn.example.com/a.html', 'stcn', 'x', 't', 't', '', 0, 0, 0, '', '', 'h', 't', 't', 0);
            """;

        Assert.Throws<SqliteException>(() => update.ExecuteNonQuery());
        Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());
        Assert.Equal(2, (await test.Store.GetStatisticsAsync(None)).Articles);
    }

    [Fact]
    public async Task ALinkAnEntryMovedAwayFromStillCannotBringADeletedArticleBack()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var stcn = StorageTestStore.Source("stcn");
        await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Link("https://stcn.example.com/old.html").Build());
        await test.IngestAsync(stcn, new ArticleBuilder().Key("a").Link("https://stcn.example.com/new.html").Body("<p>改了</p>").Build());
        var id = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None)).ArticleId;

        Assert.True(await test.Store.DeleteArticleAsync(id, None));
        var result = await test.IngestAsync(StorageTestStore.Source("cls"), new ArticleBuilder().From("cls").Key("c1").Link("https://stcn.example.com/old.html").Title("完全不同的转载标题").Build());

        Assert.Equal(1, result.Suppressed);
        Assert.Equal(0, (await test.Store.GetStatisticsAsync(None)).Articles);
    }
}
