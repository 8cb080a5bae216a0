using Aggregator.Storage;
using Aggregator.Storage.Migrations;
using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

/// <summary>
/// The store's commands run through Dapper.AOT's generated code; these check that the caller's token
/// still reaches the command (a cancelled token stops it before it runs).
/// </summary>
public sealed class CommandCancellationTests
{
    [Fact]
    public async Task ACancelledMigrationStopsBeforeItReadsTheSchemaVersion()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "store.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => MigrationRunner.ApplyAsync(connection, path, SchemaMigrations.All, cancelled.Token));

        await using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal(0L, await version.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ACancelledStatementWithoutParametersDoesNotRun()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => UnboundSql.ExecuteAsync(connection, null, "CREATE TABLE t (x INTEGER);", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => UnboundSql.ScalarAsync<long>(connection, null, "SELECT 1;", cancelled.Token));

        Assert.Equal(0L, await UnboundSql.ScalarAsync<long>(connection, null, "SELECT count(*) FROM sqlite_master WHERE name = 't';", CancellationToken.None));
    }

    [Fact]
    public async Task AStatementWithoutParametersRunsInTheTransactionItIsGiven()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();

        await UnboundSql.ExecuteAsync(connection, transaction, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);", CancellationToken.None);

        Assert.Equal(7L, await UnboundSql.ScalarAsync<long>(connection, transaction, "SELECT x FROM t;", CancellationToken.None));
        var counts = await UnboundSql.CountsAsync(connection, "SELECT count(*) FROM t;", CancellationToken.None);
        Assert.Equal(new[] { 1L }, counts);
    }

    [Fact]
    public async Task AMigrationWithALiveTokenBringsTheSchemaToTheLatestVersion()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "store.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();

        var applied = await MigrationRunner.ApplyAsync(connection, path, SchemaMigrations.All, CancellationToken.None);

        Assert.Equal(SchemaMigrations.All.Count, applied);
        await using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)SchemaMigrations.All[^1].Version, await version.ExecuteScalarAsync());
    }
}
