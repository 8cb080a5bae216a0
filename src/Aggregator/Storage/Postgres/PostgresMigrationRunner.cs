using Aggregator.Storage.Migrations;
using Dapper;
using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// Brings a PostgreSQL database to the code's schema version at start-up: all pending steps in one
/// transaction (PostgreSQL's DDL is transactional), serialized across nodes by a transaction-scoped
/// advisory lock, so several nodes starting together migrate once and the others find it done.
/// </summary>
internal static class PostgresMigrationRunner
{
    // Any constant works; it only has to be the same on every node of one database.
    private const long MigrationLockKey = 0x4167_6752_4D69_6772;

    /// <returns>The number of steps applied (0 when the schema was current).</returns>
    public static async Task<int> ApplyAsync(NpgsqlConnection connection, string database, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key);", new { key = MigrationLockKey, cancellationToken }, transaction);
        await UnboundSql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS aggregator_schema (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken);
        var current = await UnboundSql.ScalarAsync<int>(connection, transaction, "SELECT coalesce(max(version), 0) FROM aggregator_schema;", cancellationToken);
        if (current > latest)
        {
            throw new StorageException(
                $"storage: the PostgreSQL database {database} has schema version {current}, newer than the {latest} this Aggregator understands; run a newer Aggregator or point {PostgresStoreSettings.DefaultConnectionStringVariable} elsewhere.");
        }

        var applied = 0;
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            try
            {
                await UnboundSql.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            }
            catch (PostgresException exception)
            {
                throw new StorageException($"storage: migration {migration.Version} ({migration.Name}) failed on PostgreSQL database {database}: {exception.MessageText}", exception);
            }

            await connection.ExecuteAsync(
                "INSERT INTO aggregator_schema (version, name) VALUES (@Version, @Name);", new { migration.Version, migration.Name, cancellationToken }, transaction);
            applied++;
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await UnboundSql.ScalarAsync<int>(connection, null,
            "SELECT CASE WHEN to_regclass('aggregator_schema') IS NULL THEN 0 ELSE (SELECT coalesce(max(version), 0) FROM aggregator_schema) END;",
            cancellationToken);
}
