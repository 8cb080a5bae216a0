using Aggregator.Model;
using Aggregator.Storage;
using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

/// <summary>
/// The store's in-memory copies of what a re-poll reads (<see cref="PollMemo"/>) and its gathered health
/// writes, against a real SQLite file: every change to the rows they copy — by this store, by another
/// connection, by another store on the same file — shows in the next read.
/// </summary>
public sealed class PollMemoStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly SourceDefinition Stcn = StorageTestStore.Source("stcn");

    private static FetchOutcome Ok(string etag) => new() { Status = FetchStatus.Fetched, HttpStatus = 200, ETag = etag };

    private static FetchOutcome Failure() => new() { Status = FetchStatus.Failed, HttpStatus = 503, Error = "fetch: stcn answered HTTP 503." };

    private static Article Entry(string key, string body = "body") =>
        new ArticleBuilder().Key(key).Link($"https://stcn.example.com/{key}.html").Title($"a headline of its own for {key}").Body(body)
            .Published(StorageTestStore.Start).Build();

    /// <summary>Another process's view of the file: its own connection, no pool shared with the store.</summary>
    private static SqliteConnection Outside(StorageTestStore test)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = test.Store.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static async Task<IReadOnlyDictionary<string, string>> KnownAsync(StorageTestStore test, params string[] keys) =>
        await test.Store.GetKnownContentHashesAsync("stcn", keys, None);

    [Fact]
    public async Task AnEntryUpdatedByAnIngestShowsItsNewHashAfterTheOldOneWasRemembered()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(Stcn, Entry("a", "first"));
        await KnownAsync(test, "a", "b");
        await KnownAsync(test, "a", "b"); // now answered from memory

        var changed = Entry("a", "second");
        await test.IngestAsync(Stcn, changed, Entry("b"));

        var known = await KnownAsync(test, "a", "b");
        Assert.Equal(changed.ContentHash, known["a"]);
        Assert.True(known.ContainsKey("b"));
    }

    [Fact]
    public async Task AnEntryDeletedByRetentionIsNoLongerKnown()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(Stcn, Entry("a"));
        Assert.Single(await KnownAsync(test, "a"));

        await test.Store.ApplyRetentionAsync(new RetentionPolicy { MaxCount = 0 }, None);

        Assert.Empty(await KnownAsync(test, "a"));
    }

    [Fact]
    public async Task AnArticleDeletedByAnAdminIsNoLongerKnown()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var entry = Entry("a");
        await test.IngestAsync(Stcn, entry);
        Assert.Single(await KnownAsync(test, "a"));
        var id = Assert.Single(await test.Store.GetLatestAsync(null, 10, 0, None)).ArticleId;

        Assert.True(await test.Store.DeleteArticleAsync(id, None));

        Assert.Empty(await KnownAsync(test, "a"));
    }

    [Fact]
    public async Task AHashChangedByAnotherConnectionShowsInTheNextLookup()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(Stcn, Entry("a"));
        await KnownAsync(test, "a");

        using (var outside = Outside(test))
            Scalar(outside, "UPDATE article_entries SET content_hash = 'changed elsewhere' WHERE entry_key = 'a';");

        Assert.Equal("changed elsewhere", (await KnownAsync(test, "a"))["a"]);
    }

    [Fact]
    public async Task APruneByAnotherStoreOnTheSameFileShowsInTheNextLookupAndHealthRead()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(Stcn, Entry("a"));
        await test.Store.RecordPollAsync(Stcn, Ok("\"v1\""), null, test.Time.GetUtcNow(), None);
        Assert.Single(await KnownAsync(test, "a"));
        Assert.Equal(1, (await test.Store.GetHealthAsync("stcn", None)).ArticleCount);

        await using (var other = await SqliteArticleStore.OpenAsync(test.Directory, test.Time, null, None))
            await other.ApplyRetentionAsync(new RetentionPolicy { MaxCount = 0 }, None);

        Assert.Empty(await KnownAsync(test, "a"));
        Assert.Equal(0, (await test.Store.GetHealthAsync("stcn", None)).ArticleCount);
    }

    [Fact]
    public async Task TheHealthReadShowsTheLastPollAndItsArticleCountAfterAnIngest()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.Store.RecordPollAsync(Stcn, Ok("\"v1\""), null, test.Time.GetUtcNow(), None);
        await test.Store.RecordPollAsync(Stcn, Ok("\"v2\""), null, test.Time.GetUtcNow(), None);
        Assert.Equal("\"v2\"", (await test.Store.GetHealthAsync("stcn", None)).ETag);

        await test.IngestAsync(Stcn, Entry("a"), Entry("b"));
        await test.Store.RecordPollAsync(Stcn, Ok("\"v3\""), null, test.Time.GetUtcNow(), None);

        var health = await test.Store.GetHealthAsync("stcn", None);
        Assert.Equal("\"v3\"", health.ETag);
        Assert.Equal(2, health.ArticleCount);
        Assert.Equal(health, Assert.Single(await test.Store.GetAllHealthAsync(None)));
    }

    [Fact]
    public async Task AGatheredHealthWriteGoesWithTheNextIngest()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.Store.RecordPollAsync(Stcn, Ok("\"v1\""), null, test.Time.GetUtcNow(), None);
        await test.Store.RecordPollAsync(Stcn, Ok("\"v2\""), null, test.Time.GetUtcNow(), None);

        await test.IngestAsync(Stcn, Entry("a"));

        using var outside = Outside(test);
        Assert.Equal("\"v2\"", Scalar(outside, "SELECT etag FROM sources WHERE id = 'stcn';"));
        Assert.Equal(1L, Scalar(outside, "SELECT count(*) FROM article_entries WHERE source_id = 'stcn';"));
    }

    [Fact]
    public async Task AGatheredHealthWriteReachesTheFileWithoutAnyOtherWrite()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.Store.RecordPollAsync(Stcn, Ok("\"v1\""), null, test.Time.GetUtcNow(), None);
        await test.Store.RecordPollAsync(Stcn, Ok("\"v2\""), null, test.Time.GetUtcNow(), None);

        using var outside = Outside(test);
        await SchedulingWait.UntilAsync(() => "\"v2\"".Equals(Scalar(outside, "SELECT etag FROM sources WHERE id = 'stcn';")),
            $"the gathered health row is written (the timer's interval is {SqliteArticleStore.HealthFlushInterval})");
    }

    [Fact]
    public async Task ClosingTheStoreWritesTheGatheredHealth()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.Store.RecordPollAsync(Stcn, Failure(), null, test.Time.GetUtcNow(), None);
        await test.Store.RecordPollAsync(Stcn, Failure(), null, test.Time.GetUtcNow(), None);

        await test.ReopenAsync();

        var health = await test.Store.GetHealthAsync("stcn", None);
        Assert.Equal(2, health.ConsecutiveFailures);
        Assert.Equal(503, health.LastHttpStatus);
    }

    [Fact]
    public async Task AResumeByAnotherConnectionIsWhatTheNextPollStartsFrom()
    {
        await using var test = await StorageTestStore.CreateAsync(new StorageOptions { PauseAfterFailures = 2 });
        await test.Store.RecordPollAsync(Stcn, Failure(), null, test.Time.GetUtcNow(), None);
        await test.Store.RecordPollAsync(Stcn, Failure(), null, test.Time.GetUtcNow(), None);
        Assert.True(Assert.Single(await test.Store.GetAllHealthAsync(None)).Paused);

        using (var outside = Outside(test))
            Scalar(outside, "UPDATE sources SET paused = 0, consecutive_failures = 0, next_attempt_after = NULL WHERE id = 'stcn';");

        Assert.False((await test.Store.GetHealthAsync("stcn", None)).Paused);
        await test.Store.RecordPollAsync(Stcn, Failure(), null, test.Time.GetUtcNow(), None);
        var health = await test.Store.GetHealthAsync("stcn", None);
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.False(health.Paused);
    }

    [Fact]
    public async Task AResumeInThisStoreOverridesTheGatheredFailures()
    {
        await using var test = await StorageTestStore.CreateAsync(new StorageOptions { PauseAfterFailures = 2 });
        await test.Store.RecordPollAsync(Stcn, Failure(), null, test.Time.GetUtcNow(), None);
        await test.Store.RecordPollAsync(Stcn, Failure(), null, test.Time.GetUtcNow(), None);
        Assert.True((await test.Store.GetHealthAsync("stcn", None)).Paused);

        await test.Store.ResumeSourceAsync("stcn", None);

        var health = await test.Store.GetHealthAsync("stcn", None);
        Assert.False(health.Paused);
        Assert.Equal(0, health.ConsecutiveFailures);
        Assert.Equal(health, Assert.Single(await test.Store.GetAllHealthAsync(None)));
    }

    [Fact]
    public async Task ARenamedSourceIsRegisteredAgainByItsNextPoll()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.Store.RecordPollAsync(Stcn, Ok("\"v1\""), null, test.Time.GetUtcNow(), None);
        await test.Store.RecordPollAsync(Stcn, Ok("\"v2\""), null, test.Time.GetUtcNow(), None);

        var renamed = StorageTestStore.Source("stcn", priority: 5, title: "证券时报网");
        await test.Store.RecordPollAsync(renamed, Ok("\"v3\""), null, test.Time.GetUtcNow(), None);
        await test.Store.GetStatisticsAsync(None); // writes what is gathered

        using var outside = Outside(test);
        Assert.Equal("证券时报网", Scalar(outside, "SELECT title FROM sources WHERE id = 'stcn';"));
        Assert.Equal(5L, Scalar(outside, "SELECT priority FROM sources WHERE id = 'stcn';"));
        Assert.Equal("\"v3\"", Scalar(outside, "SELECT etag FROM sources WHERE id = 'stcn';"));
    }
}
