using Aggregator.Normalizing.Identity;
using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Aggregator.Tests.Support;
using Npgsql;

namespace Aggregator.Tests.Storage.Postgres;

/// <summary>
/// The token of a PostgreSQL ingest travels inside each command's parameter object, where Dapper.AOT's
/// generated code reads it: a cancelled one stops the ingest before it writes, and a live one is not
/// sent to the server as a parameter (Npgsql would refuse a CancellationToken value).
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class PostgresCommandCancellationTests(PostgresServer server)
{
    [Fact]
    public async Task ACancelledIngestFailsAsCancelledAndWritesNothing()
    {
        var (connection, transaction) = await BeginAsync();
        await using var _ = connection;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ingest = Ingest(transaction, cancelled.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ingest.IngestOneAsync(StorageTestStore.Source("stcn"), new ArticleBuilder().Key("a").Build(), StorageTestStore.Start));
        await transaction.RollbackAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM articles;", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AnIngestWithALiveTokenAddsTheArticle()
    {
        var (connection, transaction) = await BeginAsync();
        await using var _ = connection;
        var ingest = Ingest(transaction, CancellationToken.None);
        var source = StorageTestStore.Source("stcn");
        await using (var register = new NpgsqlCommand("INSERT INTO sources (id, title, url, priority) VALUES ('stcn', 'stcn', 'https://stcn.example.com/', 100);", connection, transaction))
            await register.ExecuteNonQueryAsync();

        var outcome = await ingest.IngestOneAsync(source, new ArticleBuilder().Key("a").Build(), StorageTestStore.Start);

        Assert.Equal(PostgresIngest.Outcome.Added, outcome);
    }

    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> BeginAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await (await PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, CancellationToken.None)).DisposeAsync();
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (connection, await connection.BeginTransactionAsync());
    }

    private static PostgresIngest Ingest(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var options = new StorageOptions();
        return new PostgresIngest(transaction, new PostgresWriteCounter(), new StoryMatcher(options.StoryMatch), options, cancellationToken);
    }
}
