namespace Aggregator.Storage;

/// <summary>
/// Health writes gathered for up to <see cref="HealthFlushInterval"/> and written together. A poll
/// whose source's row the <see cref="PollMemo"/> holds computes the next row in memory and leaves it
/// pending; the pending rows are written at the start of the next write transaction of any kind (an
/// ingest, a retention, a slow health write), by a timer <see cref="HealthFlushInterval"/> after the
/// first of them, when <see cref="MaxPendingHealth"/> are waiting, before the store's statistics or
/// all sources' health are read, and when the store closes. A commit per poll was most of what an
/// unchanged re-poll cost the store (~30-50 µs a source, against ~0.5 µs an UPDATE in a shared commit).
/// </summary>
/// <remarks>
/// Every read of a source's health in this process sees its pending row (the memo holds it; a read
/// from the database lays it over the stored one). What a crash (or a kill) may lose: the health rows
/// of the polls of at most the last <see cref="HealthFlushInterval"/> — last attempt and success times,
/// last HTTP status, the validators (ETag, Last-Modified) and failure count, backoff, pause and last
/// error those polls set. Never an article: ingests commit in their own transactions, as before (a
/// pending row is written with the next one, never left out of it). After such a crash a source is
/// simply polled with the validators of the poll before: a full download where a 304 would have come,
/// its entries found unchanged; a failing source is retried as if its last failure had not happened.
/// Another process reading the database sees health rows up to that interval old.
/// </remarks>
internal sealed partial class SqliteArticleStore
{
    /// <summary>How long a health row may wait to be written.</summary>
    public static readonly TimeSpan HealthFlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>More waiting rows than this are written at once.</summary>
    public const int MaxPendingHealth = 1_000;

    /// <summary>Rows not written yet, by source (changed under <see cref="writeLock"/>, read under <see cref="pendingGate"/>).</summary>
    private readonly Dictionary<string, HealthRow> pendingHealth = new(StringComparer.Ordinal);
    private readonly Lock pendingGate = new();

    /// <summary>The rows the open write transaction wrote from <see cref="pendingHealth"/>: no longer pending once it commits.</summary>
    private readonly List<HealthRow> flushedHealth = [];

    /// <summary>Set while the pending rows are written: their memo copies are those rows, so the triggers need not drop them.</summary>
    private bool writingPendingHealth;

    private ITimer? healthTimer;

    /// <summary>The source's row not written yet, if any.</summary>
    private HealthRow? PendingHealth(string sourceId)
    {
        lock (pendingGate)
            return pendingHealth.GetValueOrDefault(sourceId);
    }

    /// <summary>
    /// The fast health write (under <see cref="writeLock"/>): when the memo holds the source's row and its
    /// registration, the next row is left pending. False when the slow write must run instead.
    /// </summary>
    private bool TryRecordPending(Model.SourceDefinition source, Model.FetchOutcome outcome, string? parseError, DateTimeOffset at, out bool flushNow)
    {
        flushNow = false;
        CheckMemoVersion();
        var url = source.Url.ToString();
        if (!memo.Registered(source.Id, source.Title, url, source.Priority) || memo.Health(source.Id) is not { } stored)
            return false;

        var next = HealthCommands.Next(stored, outcome, parseError, at, options);
        int waiting;
        lock (pendingGate)
        {
            pendingHealth[source.Id] = next;
            waiting = pendingHealth.Count;
        }

        memo.SetHealth(source.Id, next, (source.Title, url, source.Priority));
        if (waiting >= MaxPendingHealth)
            flushNow = true;
        else if (waiting == 1)
            (healthTimer ??= time.CreateTimer(_ => _ = OnHealthTimerAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan)).Change(HealthFlushInterval, Timeout.InfiniteTimeSpan);
        return true;
    }

    /// <summary>Writes the pending rows in <paramref name="transaction"/> (the start of every write transaction).</summary>
    private void WritePendingHealth(Microsoft.Data.Sqlite.SqliteTransaction transaction)
    {
        lock (pendingGate)
            flushedHealth.AddRange(pendingHealth.Values);
        if (flushedHealth.Count == 0)
            return;

        writingPendingHealth = true;
        try
        {
            foreach (var row in flushedHealth)
                healthCommands.Write(transaction, row);
        }
        finally
        {
            writingPendingHealth = false;
        }
    }

    /// <summary>After the commit: the rows written are no longer pending (unless a newer one replaced them since: never, under the lock).</summary>
    private void PendingHealthWritten()
    {
        lock (pendingGate)
        {
            foreach (var row in flushedHealth)
            {
                if (pendingHealth.TryGetValue(row.SourceId, out var waiting) && ReferenceEquals(waiting, row))
                    pendingHealth.Remove(row.SourceId);
            }
        }

        flushedHealth.Clear();
    }

    /// <summary>Writes the pending rows now, if any (an empty write transaction writes them).</summary>
    private async Task FlushHealthAsync(CancellationToken cancellationToken)
    {
        bool any;
        lock (pendingGate)
            any = pendingHealth.Count > 0;
        if (any)
            await WriteAsync(_ => Task.FromResult(0), cancellationToken);
    }

    private async Task OnHealthTimerAsync()
    {
        try
        {
            if (!disposed)
                await FlushHealthAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or Microsoft.Data.Sqlite.SqliteException or StorageException or InvalidOperationException)
        {
            // The rows stay pending: they go with the next write, the close, or the next try.
            if (!disposed)
                healthTimer?.Change(HealthFlushInterval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The close writes what is pending (a failure leaves it unwritten, as a crash would).</summary>
    private async Task CloseHealthAsync()
    {
        healthTimer?.Dispose();
        try
        {
            await FlushHealthAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or StorageException or InvalidOperationException)
        {
            // Closing anyway: the health rows of the last moment are lost, never an article.
        }
    }
}
