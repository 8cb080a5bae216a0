using Aggregator.Storage;
using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

/// <summary>
/// The WAL write buffer must leave on disk, when a commit returns, exactly what SQLite's own file layer
/// would: these copy the database and its WAL while the writer still holds them (a crash at that
/// moment, with no checkpoint and no shared WAL index) and open the copy, which makes SQLite recover
/// the committed transactions from the WAL's frames and their checksums alone.
/// </summary>
public sealed class CoalescingWalVfsTests
{
    [Fact]
    public async Task ACommittedTransactionIsInTheWalFileWhenItsCommitReturns()
    {
        using var temp = new TempDirectory();
        await using var writer = await OpenBufferedAsync(Path.Combine(temp.Path, "store.db"), cachePages: 2000);
        await InsertAsync(writer, from: 0, count: 40, bodyLength: 3000);

        await AssertCrashCopyHoldsAsync(temp.Path, rows: 40, bodyCharacters: 40L * 3000);
    }

    [Fact]
    public async Task ATransactionLargerThanTheBufferAndTheCacheRecoversWhole()
    {
        using var temp = new TempDirectory();
        // 20 pages of cache: SQLite spills frames to the WAL in the middle of the transaction and then
        // rewrites some of them in place, which makes it re-checksum and rewrite their headers after the
        // commit frame (the case where the commit frame's header is the last write).
        await using var writer = await OpenBufferedAsync(Path.Combine(temp.Path, "store.db"), cachePages: 20);
        await using (var transaction = await writer.BeginTransactionAsync())
        {
            for (var round = 0; round < 3; round++)
                await InsertAsync(writer, from: 0, count: 1500, bodyLength: 2500 + round, (SqliteTransaction)transaction);
            await transaction.CommitAsync();
        }

        await AssertCrashCopyHoldsAsync(temp.Path, rows: 1500, bodyCharacters: 1500L * 2502);
    }

    [Fact]
    public async Task ARolledBackTransactionThatSpilledLeavesOnlyTheCommittedOnes()
    {
        using var temp = new TempDirectory();
        await using var writer = await OpenBufferedAsync(Path.Combine(temp.Path, "store.db"), cachePages: 20);
        await InsertAsync(writer, from: 0, count: 10, bodyLength: 100);
        await using (var transaction = await writer.BeginTransactionAsync())
        {
            await InsertAsync(writer, from: 10, count: 2000, bodyLength: 2000, (SqliteTransaction)transaction);
            await transaction.RollbackAsync();
        }

        await InsertAsync(writer, from: 10, count: 5, bodyLength: 100);

        await AssertCrashCopyHoldsAsync(temp.Path, rows: 15, bodyCharacters: 1500);
    }

    [Fact]
    public async Task AnotherConnectionSeesACommitAsSoonAsItReturns()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "store.db");
        await using var writer = await OpenBufferedAsync(path, cachePages: 2000);
        await using var reader = await OpenPlainAsync(path);

        for (var poll = 0; poll < 20; poll++)
        {
            await InsertAsync(writer, from: poll * 40, count: 40, bodyLength: 1500);
            Assert.Equal((poll + 1) * 40L, await ScalarAsync(reader, "SELECT count(*) FROM t;"));
        }
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("what?ever")]
    [InlineData("50%#1")]
    public async Task AStoreInAFolderWhoseNameHasUriCharactersOpensTheFileThere(string folder)
    {
        using var temp = new TempDirectory();
        var directory = Path.Combine(temp.Path, folder);

        await using (var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, new StorageOptions(), CancellationToken.None))
            Assert.Equal(Path.Combine(directory, SqliteArticleStore.FileName), store.DatabasePath);

        Assert.True(File.Exists(Path.Combine(directory, SqliteArticleStore.FileName)));
        Assert.Single(Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories), f => f.EndsWith(SqliteArticleStore.FileName, StringComparison.Ordinal));
    }

    /// <summary>A new database through the VFS, in WAL mode without checkpoints, with the tests' table t.</summary>
    private static async Task<SqliteConnection> OpenBufferedAsync(string path, int cachePages)
    {
        CoalescingWalVfs.EnsureRegistered();
        var connection = new SqliteConnection($"Data Source={CoalescingWalVfs.DataSource(path)};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"PRAGMA page_size = 2048; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = {cachePages};");
        await ExecuteAsync(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        return connection;
    }

    private static async Task<SqliteConnection> OpenPlainAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Copies store.db and its WAL as a crash would leave them (no checkpoint, no shared index), opens the
    /// copy (SQLite recovers from the WAL's frames) and checks what the committed transactions wrote.
    /// </summary>
    private static async Task AssertCrashCopyHoldsAsync(string directory, long rows, long bodyCharacters)
    {
        const string name = "store.db";
        var copy = Path.Combine(directory, "copy");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(directory, name), Path.Combine(copy, name));
        File.Copy(Path.Combine(directory, name + "-wal"), Path.Combine(copy, name + "-wal"));

        await using var recovered = await OpenPlainAsync(Path.Combine(copy, name));
        Assert.Equal(rows, await ScalarAsync(recovered, "SELECT count(*) FROM t;"));
        Assert.Equal(bodyCharacters, await ScalarAsync(recovered, "SELECT sum(length(body)) FROM t;"));
        Assert.Equal("ok", await IntegrityAsync(recovered));
    }

    private static async Task InsertAsync(SqliteConnection connection, int from, int count, int bodyLength, SqliteTransaction? transaction = null)
    {
        var own = transaction is null ? connection.BeginTransaction() : null;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction ?? own;
        command.CommandText = "INSERT OR REPLACE INTO t (id, body) VALUES ($id, $body);";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var body = command.Parameters.Add("$body", SqliteType.Text);
        for (var i = from; i < from + count; i++)
        {
            id.Value = i;
            body.Value = new string((char)('a' + (i % 26)), bodyLength);
            await command.ExecuteNonQueryAsync();
        }

        if (own is not null)
        {
            await own.CommitAsync();
            await own.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string?> IntegrityAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string?)await command.ExecuteScalarAsync();
    }
}
