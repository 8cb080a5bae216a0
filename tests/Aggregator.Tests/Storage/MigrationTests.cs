using Aggregator.Model;
using Aggregator.Storage;
using Aggregator.Storage.Migrations;
using Aggregator.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

public sealed class MigrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<SqliteConnection> OpenRawAsync(string directory)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteArticleStore.FileName)};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task OpeningAgainAppliesNothingAndKeepsTheSchemaVersion()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.ReopenAsync();

        await using var connection = await OpenRawAsync(test.Directory);
        Assert.Equal(SchemaMigrations.LatestVersion, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
        Assert.Equal(0, await MigrationRunner.ApplyAsync(connection, "test.db", SchemaMigrations.All, None));
    }

    [Fact]
    public async Task TheStoreRunsInWalModeWithForeignKeys()
    {
        await using var test = await StorageTestStore.CreateAsync();

        await using var connection = await OpenRawAsync(test.Directory);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
        Assert.Empty(await connection.QueryAsync("PRAGMA foreign_key_check;"));
    }

    [Fact]
    public async Task ReaderConnectionsKeepTheirOwnSmallPageCache()
    {
        await using var test = await StorageTestStore.CreateAsync(new StorageOptions { CacheSizeMebibytes = 32, ReaderCacheSizeMebibytes = 2 });

        await using var reader = await test.Store.OpenReaderAsync(None);
        // A negative cache_size is in KiB (SQLite's convention).
        Assert.Equal(-2 * 1024, await reader.ExecuteScalarAsync<long>("PRAGMA cache_size;"));
    }

    [Fact]
    public async Task ADatabaseNewerThanTheCodeIsRefusedWithAClearError()
    {
        var directory = StorageTestStore.NewDirectory();
        await (await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, None)).DisposeAsync();
        await using (var connection = await OpenRawAsync(directory))
            await connection.ExecuteAsync("PRAGMA user_version = 999;");

        var error = await Assert.ThrowsAsync<StorageException>(() => SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, None));

        Assert.Contains("schema version 999, newer than", error.Message, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AnOlderDatabaseMigratesToTheCoveringPublishedIndexAndItsStoriesStillMerge(int version)
    {
        var directory = StorageTestStore.NewDirectory();
        Directory.CreateDirectory(directory);
        var stored = new ArticleBuilder().From("stcn").Key("s1").Title("宁德时代三季度净利增25%，超市场预期").Build();
        await using (var connection = await OpenRawAsync(directory))
        {
            await MigrationRunner.ApplyAsync(connection, "test.db", [.. SchemaMigrations.All.Take(version)], None);
            await InsertVersionOneArticleAsync(connection, stored, "v1");
        }

        await using (var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, None))
        {
            var other = new ArticleBuilder().From("cls").Key("c1").Link("https://cls.example.com/1.html").Title("财联社：宁德时代三季度净利增25%，超市场预期").Build();
            var result = await store.IngestAsync(StorageTestStore.Source("cls"), [other], StorageTestStore.Start, None);

            Assert.Equal(1, result.Merged);
            var latest = Assert.Single(await store.GetLatestAsync(null, 10, 0, None));
            Assert.Equal("v1", latest.ArticleId);
        }

        await using (var connection = await OpenRawAsync(directory))
        {
            var indexes = (await connection.QueryAsync<string>("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NOT NULL ORDER BY name;")).ToList();
            Assert.Equal(["articles_published"], indexes);
            var columns = await connection.QueryAsync<string>("SELECT name FROM pragma_index_info('articles_published') ORDER BY seqno;");
            Assert.Equal(["published", "seq", "title_start", "title_end", "fingerprint"], columns);
            Assert.Equal(SchemaMigrations.LatestVersion, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AnOlderDatabaseDropsTheIdIndexAndItsArticlesAreStillFetchedByKeyAndDeletedById(int version)
    {
        var directory = StorageTestStore.NewDirectory();
        Directory.CreateDirectory(directory);
        var stored = new ArticleBuilder().From("stcn").Key("s1").Title("宁德时代三季度净利增25%，超市场预期").Build();
        var id = ArticleKeys.ArticleId("stcn", "s1");
        await using (var connection = await OpenRawAsync(directory))
        {
            await MigrationRunner.ApplyAsync(connection, "test.db", [.. SchemaMigrations.All.Take(version)], None);
            await InsertVersionOneArticleAsync(connection, stored, id);
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_autoindex_articles_1';"));
        }

        await using (var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, None))
        {
            var key = Assert.Single(await store.GetLatestKeysAsync(null, 10, 0, None));
            Assert.Equal(id, key.ArticleId);
            Assert.Equal(stored.Title, Assert.Single(await store.GetArticlesAsync([key], None)).Article.Title);

            Assert.True(await store.DeleteArticleAsync(id, None));
            Assert.Empty(await store.GetLatestAsync(null, 10, 0, None));
            // The tombstone keeps the deleted article out.
            Assert.Equal(1, (await store.IngestAsync(StorageTestStore.Source("stcn"), [stored], StorageTestStore.Start, None)).Suppressed);
        }

        await using (var connection = await OpenRawAsync(directory))
        {
            Assert.Equal(SchemaMigrations.LatestVersion, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
            Assert.Empty(await connection.QueryAsync<string>("SELECT name FROM pragma_index_list('articles') WHERE name <> 'articles_published';"));
            Assert.DoesNotContain("UNIQUE", await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_schema WHERE name = 'articles';"), StringComparison.Ordinal);
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    // Schema 5 renames the category rows' published time to "listed" and lists new rows when they are
    // written; the rows an older store holds keep their times, which keeps the walk's rule (listed >= published).
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task AnOlderDatabasesCategoryRowsAreListedAtTheirPublishedTimesAndStillReadNewestFirst(int version)
    {
        var directory = StorageTestStore.NewDirectory();
        Directory.CreateDirectory(directory);
        await using (var connection = await OpenRawAsync(directory))
        {
            await MigrationRunner.ApplyAsync(connection, "test.db", [.. SchemaMigrations.All.Take(version)], None);
            for (var i = 0; i < 3; i++)
            {
                var article = new ArticleBuilder().From("stcn").Key($"s{i}").Link($"https://stcn.example.com/{i}.html").Title($"第{i}条互不相同的标题{i}")
                    .Fingerprint((ulong)i + 1).Published(StorageTestStore.Start.AddHours(-i)).Build();
                await InsertVersionOneArticleAsync(connection, article, $"v{i}");
            }

            await connection.ExecuteAsync("INSERT INTO article_categories (article_seq, position, name, published) SELECT seq, 0, '要闻', published FROM articles;");
        }

        await using (var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, None))
        {
            Assert.Equal(["s0", "s1"], (await store.GetLatestAsync("要闻", 2, 0, None)).Select(a => a.Article.EntryKey));
            // A report written now of a story published before all three: listed first, read last.
            var backfill = new ArticleBuilder().From("stcn").Key("old").Link("https://stcn.example.com/old.html").Title("一条很早以前的旧闻")
                .Fingerprint(99).Categories("要闻").Published(StorageTestStore.Start.AddDays(-5)).Build();
            await store.IngestAsync(StorageTestStore.Source("stcn"), [backfill], StorageTestStore.Start.AddDays(1), None);
            Assert.Equal(["s2", "old"], (await store.GetLatestAsync("要闻", 2, 2, None)).Select(a => a.Article.EntryKey));
        }

        await using (var connection = await OpenRawAsync(directory))
        {
            var columns = await connection.QueryAsync<string>("SELECT name FROM pragma_index_info('article_categories_latest') ORDER BY seqno;");
            Assert.Equal(["name", "listed", "article_seq"], columns);
            Assert.Equal(SchemaMigrations.LatestVersion, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task TheIdIndexMigrationRefusesAnArticlesTableItDoesNotKnowAndLeavesItAsItWas()
    {
        var directory = StorageTestStore.NewDirectory();
        Directory.CreateDirectory(directory);
        await using (var connection = await OpenRawAsync(directory))
        {
            // Schema 1 as another hand might have written it: the same columns, the constraint spelled differently.
            var first = SchemaMigrations.All[0] with { Sql = SchemaMigrations.All[0].Sql.Replace("id TEXT NOT NULL UNIQUE,", "id TEXT UNIQUE NOT NULL,", StringComparison.Ordinal) };
            await MigrationRunner.ApplyAsync(connection, "test.db", [first, .. SchemaMigrations.All.Skip(1).Take(2)], None);

            var error = await Assert.ThrowsAsync<StorageException>(() => MigrationRunner.ApplyAsync(connection, "test.db", SchemaMigrations.All, None));

            Assert.Contains("migration 4 (no id index) failed", error.Message, StringComparison.Ordinal);
            Assert.Equal(3, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_autoindex_articles_1';"));
            Assert.Contains("id TEXT UNIQUE NOT NULL,", await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_schema WHERE name = 'articles';"), StringComparison.Ordinal);
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ANewStoreKeepsNoIndexOnArticleIdsAndStaysIntact()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.Store.IngestAsync(StorageTestStore.Source("stcn"), [new ArticleBuilder().From("stcn").Key("a").Build()], StorageTestStore.Start, None);

        await using var connection = await OpenRawAsync(test.Directory);
        Assert.Equal(["articles_published"], await connection.QueryAsync<string>("SELECT name FROM pragma_index_list('articles');"));
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
    }

    /// <summary>An article as a version-1 store held it (the columns have not changed since).</summary>
    private static async Task InsertVersionOneArticleAsync(SqliteConnection connection, Article article, string id)
    {
        const string sql = """
            INSERT INTO sources (id, title, url) VALUES (@SourceId, @SourceId, 'https://stcn.example.com/rss.xml') ON CONFLICT DO NOTHING;
            INSERT INTO articles (id, canonical_link, source_id, entry_key, title, title_key, author, published, first_seen,
                last_changed, body, summary, content_hash, title_start, title_end, fingerprint)
            VALUES (@Id, @Link, @SourceId, @EntryKey, @Title, @TitleKey, '', @Published, @Published, @Published, @Body, @Summary,
                @ContentHash, @TitleStart, @TitleEnd, @Fingerprint);
            INSERT INTO article_entries (source_id, entry_key, article_seq, link, content_hash)
            SELECT @SourceId, @EntryKey, seq, @Link, @ContentHash FROM articles WHERE id = @Id;
            """;
        await connection.ExecuteAsync(sql, new
        {
            Id = id,
            article.SourceId, article.Link, article.EntryKey, article.Title, article.TitleKey, article.Body, article.Summary, article.ContentHash,
            Published = ArticleKeys.ToStored(article.Published),
            TitleStart = ArticleKeys.TitleStart(article.TitleKey),
            TitleEnd = ArticleKeys.TitleEnd(article.TitleKey),
            Fingerprint = unchecked((long)article.BodyFingerprint),
        });
    }

    [Fact]
    public async Task AFailingMigrationLeavesTheDatabaseAsItWas()
    {
        var directory = StorageTestStore.NewDirectory();
        Directory.CreateDirectory(directory);
        await using (var connection = await OpenRawAsync(directory))
        {
            Migration[] steps = [SchemaMigrations.All[0], new(2, "broken", "CREATE TABLE extra (id INTEGER); SELECT * FROM no_such_table;")];

            var error = await Assert.ThrowsAsync<StorageException>(() => MigrationRunner.ApplyAsync(connection, "test.db", steps, None));

            Assert.Contains("migration 2 (broken) failed", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_schema;"));
        }

        Directory.Delete(directory, recursive: true);
    }
}
