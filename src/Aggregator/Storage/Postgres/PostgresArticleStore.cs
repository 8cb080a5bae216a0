using System.Data;
using Aggregator.Model;
using Aggregator.Normalizing.Identity;
using Dapper;
using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// The PostgreSQL store, for several nodes sharing one database. Writes that add, change or delete
/// articles first take PostgreSQL's SHARE ROW EXCLUSIVE lock on the articles table (it conflicts with
/// itself, not with readers): across the whole cluster one such transaction runs at a time, as in
/// SQLite, so the fuzzy level-3 story match always sees the other nodes' committed stories. The
/// unique keys (article id, link, source + entry key, tombstone key, canonical link) are the dedupe
/// guarantees underneath; a write that still hits one (or a deadlock) is retried from the start.
/// Serializable isolation was tried first: with many polls ingesting at once its predicate locks
/// aborted most transactions. A commit that changed articles notifies <see cref="ChangeChannel"/>,
/// so every node republishes. Health writes touch one source row and take no table lock.
/// </summary>
internal sealed partial class PostgresArticleStore : IArticleStore
{
    /// <summary>The LISTEN/NOTIFY channel told after each commit that changed what the feeds show.</summary>
    public const string ChangeChannel = "aggregator_changes";

    private const int MaxAttempts = 12;
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider time;
    private readonly StorageOptions options;
    private readonly StoryMatcher matcher;
    private long rowsWritten;
    private bool disposed;

    private PostgresArticleStore(NpgsqlDataSource dataSource, string database, TimeProvider time, StorageOptions options)
    {
        this.dataSource = dataSource;
        Database = database;
        this.time = time;
        this.options = options;
        matcher = new StoryMatcher(options.StoryMatch);
    }

    /// <summary>host:port/database (no credentials), for messages.</summary>
    public string Database { get; }

    /// <summary>Connects, migrates the schema (once across nodes) and returns the store.</summary>
    public static async Task<PostgresArticleStore> OpenAsync(string connectionString, TimeProvider time, StorageOptions? options, CancellationToken cancellationToken)
    {
        options ??= new StorageOptions();
        var database = PostgresStoreSettings.Describe(connectionString);
        var dataSource = NpgsqlDataSource.Create(PostgresStoreSettings.Complete(connectionString));
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await PostgresMigrationRunner.ApplyAsync(connection, database, PostgresMigrations.All, cancellationToken);
            return new PostgresArticleStore(dataSource, database, time, options);
        }
        catch (NpgsqlException exception)
        {
            await dataSource.DisposeAsync();
            throw new StorageException($"storage: cannot open the PostgreSQL database {database}: {exception.Message}", exception);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public Task SyncSourcesAsync(IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken) =>
        WriteAsync(async (transaction, writes) =>
        {
            foreach (var source in sources)
                writes.Add(await UpsertSourceAsync(transaction, source, cancellationToken));
            return 0;
        }, cancellationToken);

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM articles) AS Articles,
                   (SELECT count(*) FROM article_entries) AS Entries,
                   (SELECT count(*) FROM tombstones) AS Tombstones,
                   pg_database_size(current_database()) AS Bytes;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var counts = await UnboundSql.CountsAsync(connection, sql, cancellationToken);
        return new StoreStatistics(counts[0], counts[1], counts[2], Interlocked.Read(ref rowsWritten), counts[3]);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
            return;
        disposed = true;
        await dataSource.DisposeAsync();
    }

    private static Task<int> UpsertSourceAsync(NpgsqlTransaction transaction, SourceDefinition source, CancellationToken cancellationToken)
    {
        // The WHERE makes an unchanged source a no-op: a poll of unchanged feeds writes nothing.
        const string sql = """
            INSERT INTO sources (id, title, url, priority) VALUES (@Id, @Title, @Url, @Priority)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, priority = excluded.priority
            WHERE sources.title IS DISTINCT FROM excluded.title OR sources.url IS DISTINCT FROM excluded.url
               OR sources.priority IS DISTINCT FROM excluded.priority;
            """;
        return transaction.Connection!.ExecuteAsync(sql, new { source.Id, source.Title, Url = source.Url.ToString(), Priority = (long)source.Priority, cancellationToken }, transaction);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, again from the start when PostgreSQL aborts it
    /// for a conflict with another node's transaction; <paramref name="articles"/> takes the cluster-wide
    /// article write lock first.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<NpgsqlTransaction, PostgresWriteCounter, Task<T>> work, CancellationToken cancellationToken, bool articles = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var writes = new PostgresWriteCounter();
            try
            {
                if (articles)
                    await UnboundSql.ExecuteAsync(connection, transaction, "LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE;", cancellationToken);
                var result = await work(transaction, writes);
                if (writes.Notify)
                    await connection.ExecuteAsync("SELECT pg_notify(@channel, '');", new { channel = ChangeChannel, cancellationToken }, transaction);
                await transaction.CommitAsync(cancellationToken);
                Interlocked.Add(ref rowsWritten, writes.Rows);
                return result;
            }
            catch (PostgresException exception) when (IsConflict(exception) && attempt < MaxAttempts)
            {
                // Rolled back when disposed; wait a little, longer each time, so the two do not collide again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), cancellationToken);
            }
            catch (PostgresException exception) when (IsConflict(exception))
            {
                throw new StorageException($"storage: a write to PostgreSQL database {Database} still conflicted with other nodes after {MaxAttempts} attempts: {exception.MessageText}", exception);
            }
        }
    }

    // 40001 serialization_failure, 40P01 deadlock_detected, 23505 unique_violation (a concurrent insert won).
    private static bool IsConflict(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return await dataSource.OpenConnectionAsync(cancellationToken);
    }
}
