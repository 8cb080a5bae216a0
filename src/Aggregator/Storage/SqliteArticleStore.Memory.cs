using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// Releasing the page caches while idle. The writer's cache (<see cref="StorageOptions.CacheSizeMebibytes"/>)
/// fills up with a large store's index pages after one burst of polls and SQLite never shrinks a
/// connection's cache by itself: over 1,000,000 articles it was ~64 MiB of `serve`'s idle resident
/// memory (glibc's main heap), a third of the 200 MiB target. The next ingest reads those pages back
/// from the operating system's file cache, once per page, where it had them for free before: the
/// cost of an idle daemon that is small.
/// </summary>
internal sealed partial class SqliteArticleStore : IReleasesIdleMemory
{
    public (long Before, long After) ReleaseIdleMemory()
    {
        var before = SQLitePCL.raw.sqlite3_memory_used();
        if (disposed)
            return (before, before);
        // Readers kept for polls hold their own caches and prepared statements: closed, made again by the next poll.
        pollReaders.Clear();
        // Pooled readers (publish, health, metrics) idle in Microsoft.Data.Sqlite's pool: closed; a reader
        // in use is unaffected and closed when it is returned.
        using (var pooled = new SqliteConnection(connectionString))
            SqliteConnection.ClearPool(pooled);
        // The writer: only if no write is running (a write in progress means the store is not idle).
        if (writeLock.Wait(0))
        {
            try
            {
                if (!disposed)
                {
                    writer.Execute("PRAGMA shrink_memory;");
                    // The story candidates: the next ingest reads the weeks it needs again.
                    storyCache.Clear();
                }
            }
            finally
            {
                writeLock.Release();
            }
        }
        return (before, SQLitePCL.raw.sqlite3_memory_used());
    }
}
