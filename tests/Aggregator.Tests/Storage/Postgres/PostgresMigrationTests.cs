using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Aggregator.Tests.Support;
using Dapper;
using Npgsql;

namespace Aggregator.Tests.Storage.Postgres;

[Collection(PostgresGroup.Name)]
public sealed class PostgresMigrationTests(PostgresServer server)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OpeningTwiceMigratesOnceAndKeepsTheData()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using (var first = await PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None))
            await first.IngestAsync(StorageTestStore.Source("stcn"), [new ArticleBuilder().Key("a").Build()], StorageTestStore.Start, None);

        await using var second = await PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None);

        Assert.Equal(1, (await second.GetStatisticsAsync(None)).Articles);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(Enumerable.Range(1, PostgresMigrations.LatestVersion), await connection.QueryAsync<int>("SELECT version FROM aggregator_schema ORDER BY version;"));
    }

    [Fact]
    public async Task NodesStartingTogetherMigrateOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None)));

        foreach (var store in stores)
            await store.DisposeAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(PostgresMigrations.LatestVersion, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM aggregator_schema;"));
    }

    [Fact]
    public async Task ADatabaseFromANewerAggregatorIsRefusedWithAReadableError()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await (await PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None)).DisposeAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
            await connection.ExecuteAsync("INSERT INTO aggregator_schema (version, name) VALUES (@version, 'from the future');", new { version = PostgresMigrations.LatestVersion + 1 });

        var error = await Assert.ThrowsAsync<StorageException>(() => PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None));

        Assert.StartsWith("storage: the PostgreSQL database 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {PostgresMigrations.LatestVersion + 1}, newer than the {PostgresMigrations.LatestVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServerIsAStorageErrorNamingIt()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => PostgresArticleStore.OpenAsync(
            "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2", TimeProvider.System, null, None));

        Assert.StartsWith("storage: cannot open the PostgreSQL database 127.0.0.1:1/none:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQuartzTablesAreCreatedByTheMigrations()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await (await PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None)).DisposeAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        var tables = await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE tablename LIKE 'qrtz%' ORDER BY tablename;");
        Assert.Equal(
            ["qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks",
             "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers"],
            tables);
    }
}
