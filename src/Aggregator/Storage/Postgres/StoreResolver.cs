using Aggregator.Configuration.Validation;
using Aggregator.Model;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// Decides the store from feeds.json's "store" and the environment: AGGREGATOR_STORE (sqlite or
/// postgres) overrides the kind, and the PostgreSQL connection string is read from the variable
/// feeds.json names (AGGREGATOR_POSTGRES by default).
/// </summary>
internal static class StoreResolver
{
    public const string KindVariable = "AGGREGATOR_STORE";

    public static ResolvedStore Resolve(StoreSelection selection, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var kind = selection.Kind;
        if (environment(KindVariable) is { Length: > 0 } text)
        {
            kind = StoreReader.ParseKind(text)
                ?? throw new StorageException($"storage: {KindVariable} must be \"{StoreReader.SqliteKind}\" or \"{StoreReader.PostgresKind}\", not \"{text}\".");
        }

        if (kind == StoreKind.Sqlite)
            return new ResolvedStore(StoreKind.Sqlite, null);
        var connectionString = environment(selection.ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageException(
                $"storage: the PostgreSQL store needs its connection string in the environment variable {selection.ConnectionStringVariable} (e.g. \"Host=db;Username=aggregator;Password=...;Database=aggregator\"), and it is not set.");
        }

        return new ResolvedStore(StoreKind.Postgres, connectionString);
    }
}
