using Aggregator.Model;

namespace Aggregator.Storage.Postgres;

/// <summary>The store this process uses; <see cref="ConnectionString"/> is set for PostgreSQL only.</summary>
internal sealed record ResolvedStore(StoreKind Kind, string? ConnectionString)
{
    public bool IsShared => Kind == StoreKind.Postgres;

    // The connection string may hold a password: never print it.
    public override string ToString() => IsShared ? $"PostgreSQL {PostgresStoreSettings.Describe(ConnectionString!)}" : "SQLite";
}
