using Aggregator.Model;
using Aggregator.Normalizing.Identity;
using Aggregator.Storage.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// The SQLite store: one file (aggregator.db) in WAL mode. All writes go through one connection
/// guarded by a semaphore (SQLite has one writer anyway; queuing here beats busy retries), reads
/// open their own pooled connections and never block the writer.
/// </summary>
internal sealed partial class SqliteArticleStore : IArticleStore
{
    public const string FileName = "aggregator.db";

    private readonly string connectionString;
    private readonly SqliteConnection writer;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly TimeProvider time;
    private readonly StorageOptions options;
    private readonly StoryMatcher matcher;
    private readonly IngestCommands ingestCommands;
    private readonly HealthCommands healthCommands;
    private readonly PollReaderPool pollReaders;
    private readonly WalCheckpointer? checkpointer;
    private readonly StoryCandidateCache storyCache;
    private readonly PollMemo memo = new();
    private long? dataVersion;
    private bool disposed;

    private SqliteArticleStore(string databasePath, string connectionString, SqliteConnection writer, TimeProvider time, StorageOptions options)
    {
        DatabasePath = databasePath;
        this.connectionString = connectionString;
        this.writer = writer;
        this.time = time;
        this.options = options;
        matcher = new StoryMatcher(options.StoryMatch);
        ingestCommands = new IngestCommands(writer);
        storyCache = new StoryCandidateCache(options.StoryCacheCapacity);
        healthCommands = new HealthCommands(writer);
        pollReaders = new PollReaderPool(OpenReaderAsync);
        checkpointer = options.BackgroundCheckpoint ? new WalCheckpointer(connectionString, options) : null;
        InstallMemoTriggers();
    }

    public string DatabasePath { get; }

    /// <summary>Completes when the background checkpoint (if any) has nothing left to do: the benchmark counts its time.</summary>
    internal Task WhenCheckpointedAsync() => checkpointer?.WhenIdleAsync() ?? Task.CompletedTask;

    /// <summary>Pages the writer's commits wrote to the WAL since the store opened (the benchmark's pages per entry).</summary>
    internal long PagesWritten { get; private set; }

    /// <summary>Background checkpoint rounds run since the store opened (0 without <see cref="StorageOptions.BackgroundCheckpoint"/>).</summary>
    internal long BackgroundCheckpoints => checkpointer?.Completed ?? 0;

    /// <summary>Opens (creating if needed) the store in <paramref name="dataDirectory"/> and migrates its schema.</summary>
    public static async Task<SqliteArticleStore> OpenAsync(string dataDirectory, TimeProvider time, StorageOptions? options, CancellationToken cancellationToken)
    {
        options ??= new StorageOptions();
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (options.CoalesceWalWrites)
            CoalescingWalVfs.EnsureRegistered();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.CoalesceWalWrites ? CoalescingWalVfs.DataSource(path) : path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();

        var writer = new SqliteConnection(connectionString);
        try
        {
            await writer.OpenAsync(cancellationToken);
            // The page size takes effect only while the file is still empty (before journal_mode writes
            // its header); WAL is a property of the file (set once, persists); the others are per connection.
            await writer.ExecuteAsync($"PRAGMA page_size = {options.PageSize}; PRAGMA journal_mode = WAL;");
            await ConfigureAsync(writer, options, options.CacheSizeMebibytes);
            if (options.BackgroundCheckpoint)
            {
                // The writer never checkpoints itself (WalCheckpointer does).
                await writer.ExecuteAsync("PRAGMA wal_autocheckpoint = 0;");
            }

            await MigrationRunner.ApplyAsync(writer, path, SchemaMigrations.All, cancellationToken);
            // An admin's delete finds an article by its id through its first report (no index on ids).
            writer.CreateFunction<string, string, string>("article_id", ArticleKeys.ArticleId, isDeterministic: true);
            return new SqliteArticleStore(path, connectionString, writer, time, options);
        }
        catch
        {
            await writer.DisposeAsync();
            SqliteConnection.ClearPool(writer);
            throw;
        }
    }

    public async Task SyncSourcesAsync(IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        await WriteAsync(async transaction =>
        {
            foreach (var source in sources)
                await UpsertSourceAsync(transaction, source, cancellationToken);
            return 0;
        }, cancellationToken);
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM articles) AS Articles,
                   (SELECT count(*) FROM article_entries) AS Entries,
                   (SELECT count(*) FROM tombstones) AS Tombstones;
            """;
        await using var connection = await OpenReaderAsync(cancellationToken);
        var counts = await UnboundSql.CountsAsync(connection, sql, cancellationToken);
        long rowsWritten;
        await FlushHealthAsync(cancellationToken); // the pending health rows count as written
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            // total_changes() counts every row this connection inserted, updated or deleted: the writes.
            rowsWritten = await writer.ExecuteScalarAsync<long>("SELECT total_changes();");
        }
        finally
        {
            writeLock.Release();
        }

        var bytes = FileSize(DatabasePath) + FileSize(DatabasePath + "-wal");
        return new StoreStatistics(counts[0], counts[1], counts[2], rowsWritten, bytes);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
            return;
        await CloseHealthAsync();
        disposed = true;
        await writeLock.WaitAsync();
        try
        {
            if (checkpointer is not null)
                await checkpointer.DisposeAsync();
            ingestCommands.Dispose();
            healthCommands.Dispose();
            DisposeMemo();
            pollReaders.Dispose();
            await writer.DisposeAsync();
            SqliteConnection.ClearPool(writer);
        }
        finally
        {
            writeLock.Release();
            writeLock.Dispose();
        }
    }

    private static Task<int> UpsertSourceAsync(SqliteTransaction transaction, SourceDefinition source, CancellationToken cancellationToken)
    {
        // The WHERE makes an unchanged source a no-op: a poll of unchanged feeds writes nothing.
        const string sql = """
            INSERT INTO sources (id, title, url, priority) VALUES (@Id, @Title, @Url, @Priority)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, priority = excluded.priority
            WHERE title IS NOT excluded.title OR url IS NOT excluded.url OR priority IS NOT excluded.priority;
            """;
        return transaction.Connection!.ExecuteAsync(sql, new { source.Id, source.Title, Url = source.Url.ToString(), source.Priority, cancellationToken }, transaction);
    }

    private async Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = writer.BeginTransaction(deferred: false);
            T result;
            try
            {
                WritePendingHealth(transaction);
                result = await work(transaction);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                // Rolled back: the story cache may hold rows that are not there any more.
                storyCache.Clear();
                MemoRolledBack();
                throw;
            }

            // The pages this connection wrote since the last commit (the counter is reset as it is read).
            SQLitePCL.raw.sqlite3_db_status(writer.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 1);
            PagesWritten += written;
            MemoCommitted();

            if (checkpointer is not null)
                await checkpointer.Committed(written);
            return result;
        }
        finally
        {
            writeLock.Release();
        }
    }

    internal async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ConfigureAsync(connection, options, options.ReaderCacheSizeMebibytes);
        return connection;
    }

    private static Task<int> ConfigureAsync(SqliteConnection connection, StorageOptions options, int cacheMebibytes)
    {
        var busy = (long)options.BusyTimeout.TotalMilliseconds;
        var cacheKibibytes = cacheMebibytes * 1024L;
        // synchronous=NORMAL in WAL mode loses nothing on a process crash (only on power loss, the last
        // commits); temp_store=MEMORY keeps sorts and unions off temporary files.
        return connection.ExecuteAsync(
            $"PRAGMA busy_timeout = {busy}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{cacheKibibytes}; PRAGMA wal_autocheckpoint = {options.WalAutoCheckpointPages};");
    }

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
