namespace Aggregator.Storage.Postgres;

/// <summary>Where the PostgreSQL store lives; the connection string always comes from the environment.</summary>
internal static class PostgresStoreSettings
{
    /// <summary>The environment variable holding the connection string unless feeds.json names another.</summary>
    public const string DefaultConnectionStringVariable = Model.StoreSelection.DefaultConnectionStringVariable;

    /// <summary>
    /// The connection string with what the store relies on: statements prepared automatically (the
    /// ingest runs the same dozen statements for every entry) and an application name for pg_stat_activity.
    /// </summary>
    public static string Complete(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 64;
        builder.ApplicationName ??= "aggregator";
        return builder.ConnectionString;
    }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public static string Describe(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
