using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Migrations;

/// <summary>Brings a database to the code's schema version at start-up, all pending steps in one transaction.</summary>
internal static class MigrationRunner
{
    /// <returns>The number of steps applied (0 when the schema was current).</returns>
    public static async Task<int> ApplyAsync(SqliteConnection connection, string databasePath, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var current = await ReadVersionAsync(connection, null, cancellationToken);
        if (current > latest)
        {
            throw new StorageException(
                $"storage: the database {databasePath} has schema version {current}, newer than the {latest} this Aggregator understands; run a newer Aggregator or point --data elsewhere.");
        }

        if (current == latest)
            return 0;

        // BEGIN IMMEDIATE takes the write lock first, so two processes starting together cannot both
        // migrate; the version is re-read under the lock.
        await using var transaction = connection.BeginTransaction(deferred: false);
        current = await ReadVersionAsync(connection, transaction, cancellationToken);
        var applied = 0;
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            try
            {
                await UnboundSql.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            }
            catch (SqliteException exception)
            {
                throw new StorageException($"storage: migration {migration.Version} ({migration.Name}) failed on {databasePath}: {exception.Message}", exception);
            }

            // user_version lives in the database header, so it commits or rolls back with the schema.
            await UnboundSql.ExecuteAsync(connection, transaction, $"PRAGMA user_version = {migration.Version};", cancellationToken);
            applied++;
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    // The transaction is named, not implied: Dapper.AOT sets the command's transaction to exactly what
    // it is given, where SqliteConnection.CreateCommand alone would have enlisted the pending one.
    private static async Task<long> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        await UnboundSql.ScalarAsync<long>(connection, transaction, "PRAGMA user_version;", cancellationToken);
}
