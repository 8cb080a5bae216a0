using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// Keeping the <see cref="PollMemo"/> in step with the database. The writer connection carries
/// temporary triggers (nothing in the file's schema) that report every row it inserts, updates or
/// deletes in <c>article_entries</c> and <c>sources</c> — by any statement, cascades included — and the
/// memo drops that source's copy at once and again after the commit or rollback (a read that ran in
/// between saw the old rows). Commits by other connections (another process, e.g. <c>prune</c>) show
/// in the writer's <c>PRAGMA data_version</c>, checked before every use of the memo: when it moved, the
/// memo is cleared. When the writer is busy that check cannot run, and the database is asked instead.
/// </summary>
internal sealed partial class SqliteArticleStore
{
    private const string TouchedFunction = "aggregator_poll_memo_touched";

    /// <summary>Sources whose rows the open write transaction changed (touched only under <see cref="writeLock"/>).</summary>
    private readonly HashSet<string> touchedEntries = new(StringComparer.Ordinal);
    private readonly HashSet<string> touchedSources = new(StringComparer.Ordinal);

    /// <summary>Health rows the open write transaction wrote, kept by the memo once it commits.</summary>
    private readonly List<(string SourceId, HealthRow Row, (string, string, long) Definition)> stagedHealth = [];

    /// <summary>
    /// The writer's <c>PRAGMA data_version</c>, prepared on the raw handle: through <see cref="SqliteCommand"/>
    /// the check cost ~10 µs, twice a poll; stepped directly about half (most of it SQLite's own read lock).
    /// </summary>
    private SQLitePCL.sqlite3_stmt? memoDataVersion;
    private long? memoSeenVersion;

    private void InstallMemoTriggers()
    {
        writer.CreateFunction(TouchedFunction, (long table, string? sourceId) =>
        {
            if (sourceId is null)
                return 0L;
            if (table == 1)
            {
                touchedEntries.Add(sourceId);
                memo.EntriesChanged(sourceId);
            }
            else if (!writingPendingHealth)
            {
                touchedSources.Add(sourceId);
                memo.SourceChanged(sourceId);
            }

            return 0L;
        });

        using var create = writer.CreateCommand();
        create.CommandText = $"""
            CREATE TEMP TRIGGER IF NOT EXISTS poll_memo_entry_insert AFTER INSERT ON main.article_entries BEGIN SELECT {TouchedFunction}(1, NEW.source_id); END;
            CREATE TEMP TRIGGER IF NOT EXISTS poll_memo_entry_update AFTER UPDATE ON main.article_entries BEGIN SELECT {TouchedFunction}(1, OLD.source_id), {TouchedFunction}(1, NEW.source_id); END;
            CREATE TEMP TRIGGER IF NOT EXISTS poll_memo_entry_delete AFTER DELETE ON main.article_entries BEGIN SELECT {TouchedFunction}(1, OLD.source_id); END;
            CREATE TEMP TRIGGER IF NOT EXISTS poll_memo_source_insert AFTER INSERT ON main.sources BEGIN SELECT {TouchedFunction}(0, NEW.id); END;
            CREATE TEMP TRIGGER IF NOT EXISTS poll_memo_source_update AFTER UPDATE ON main.sources BEGIN SELECT {TouchedFunction}(0, OLD.id), {TouchedFunction}(0, NEW.id); END;
            CREATE TEMP TRIGGER IF NOT EXISTS poll_memo_source_delete AFTER DELETE ON main.sources BEGIN SELECT {TouchedFunction}(0, OLD.id); END;
            """;
        create.ExecuteNonQuery();

        var rc = SQLitePCL.raw.sqlite3_prepare_v2(writer.Handle, "PRAGMA data_version;", out memoDataVersion);
        SqliteException.ThrowExceptionForRC(rc, writer.Handle);
    }

    /// <summary>
    /// Whether the memo may be used now: true after the check that no other connection committed since
    /// the last look (the memo cleared if one did); false when the writer is busy and the check cannot run.
    /// </summary>
    private bool MemoUsable()
    {
        if (!writeLock.Wait(0))
            return false;
        try
        {
            if (disposed)
                return false;
            CheckMemoVersion();
            return true;
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Clears the memo when another connection committed since the last look (call under <see cref="writeLock"/>).</summary>
    private void CheckMemoVersion()
    {
        var statement = memoDataVersion!;
        var rc = SQLitePCL.raw.sqlite3_step(statement);
        var version = rc == SQLitePCL.raw.SQLITE_ROW ? SQLitePCL.raw.sqlite3_column_int64(statement, 0) : (long?)null;
        SQLitePCL.raw.sqlite3_reset(statement);
        if (version is null || version != memoSeenVersion)
            memo.Clear();
        memoSeenVersion = version;
    }

    /// <summary>After a commit: drops again what the transaction touched (reads that raced it), then keeps the rows it wrote.</summary>
    private void MemoCommitted()
    {
        PendingHealthWritten();
        ForgetTouched();
        foreach (var (sourceId, row, definition) in stagedHealth)
            memo.SetHealth(sourceId, row, definition);
        stagedHealth.Clear();
    }

    /// <summary>After a rollback: the touched copies are dropped, nothing written is kept.</summary>
    private void MemoRolledBack()
    {
        flushedHealth.Clear(); // still pending
        ForgetTouched();
        stagedHealth.Clear();
    }

    private void DisposeMemo()
    {
        memoDataVersion?.Dispose();
        memoDataVersion = null;
    }

    private void ForgetTouched()
    {
        foreach (var sourceId in touchedEntries)
            memo.EntriesChanged(sourceId);
        foreach (var sourceId in touchedSources)
            memo.SourceChanged(sourceId);
        touchedEntries.Clear();
        touchedSources.Clear();
    }
}
