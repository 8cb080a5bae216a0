using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>The store contract on PostgreSQL: each test in its own new database on the shared throw-away server.</summary>
[Collection(PostgresGroup.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : ArticleStoreContract
{
    private string? connectionString;

    internal override async Task<IArticleStore> OpenAsync(TimeProvider time, StorageOptions? options)
    {
        connectionString ??= await server.CreateDatabaseAsync();
        return await PostgresArticleStore.OpenAsync(connectionString, time, options, None);
    }
}
