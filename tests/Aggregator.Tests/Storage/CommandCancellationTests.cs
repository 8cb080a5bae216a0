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
