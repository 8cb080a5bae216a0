namespace Aggregator.Model;

internal enum StoreKind
{
    /// <summary>The embedded default: one file in the data folder, one node.</summary>
    Sqlite,
    /// <summary>A shared PostgreSQL database: several nodes, Quartz clustered on the same database.</summary>
    Postgres,
}
