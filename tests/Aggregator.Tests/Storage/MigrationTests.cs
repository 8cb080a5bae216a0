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
