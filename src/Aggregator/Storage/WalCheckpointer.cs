using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// Checkpoints the WAL on its own connection and thread, so a commit never waits for one. With
/// SQLite's automatic checkpoint the commit that crosses the threshold copies the whole WAL back
/// into the database (and syncs it) before the poll returns; here the writer only reports the WAL's
/// size after each commit (<see cref="Committed"/>) and this task copies while ingest goes on.
/// A checkpoint is SQLite's own crash-safe operation (PASSIVE: it never blocks the writer or the
/// readers), so a crash mid-way leaves a consistent store whose WAL is replayed on the next open.
/// The writer reports the pages each commit wrote (SQLite's own count, SQLITE_DBSTATUS_CACHE_WRITE): the
/// WAL file is never opened here, because closing any descriptor of a database file drops SQLite's
/// POSIX locks on it. When writes outrun the checkpoint and <see cref="StorageOptions.WalHardLimitFactor"/>
/// times the threshold were written since it last caught up, the writer waits for the round in progress,
/// so ingest cannot run far ahead of it (a reader holding an old snapshot can still keep the WAL from
/// restarting, as it does with SQLite's own checkpoint).
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly long thresholdPages;
    private readonly long hardLimitPages;
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private readonly Lock gate = new();
    private TaskCompletionSource idle = NewIdle(completed: true);

    // Rounds asked for, ever: a round completes the idle task only when no request came in while it
    // ran (a commit during its last PASSIVE pass would otherwise be left in the WAL until the next
    // threshold's worth of pages; the semaphore then already holds the next round's signal).
    private long requested;
    private long completed;
    private long pending;
    private long sinceCaughtUp;

    public WalCheckpointer(string connectionString, StorageOptions options)
    {
        this.connectionString = connectionString;
        thresholdPages = options.WalAutoCheckpointPages;
        hardLimitPages = thresholdPages * Math.Max(2, options.WalHardLimitFactor);
        loop = Task.Run(RunAsync);
    }

    /// <summary>Checkpoint rounds finished since the store opened (for tests and the benchmark).</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>
    /// Called by the writer after each commit with the pages it wrote to the WAL: starts a round every
    /// threshold's worth of pages, and waits for the round in progress past the hard limit.
    /// </summary>
    public Task Committed(long pagesWritten)
    {
        var behind = Interlocked.Add(ref sinceCaughtUp, pagesWritten);
        pending += pagesWritten;
        if (pending < thresholdPages)
            return Task.CompletedTask;
        pending = 0;
        Signal();
        return behind >= hardLimitPages ? WhenIdleAsync() : Task.CompletedTask;
    }

    /// <summary>Completes when no round is running or requested (the benchmark waits for it to count the whole cost).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
            return idle.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping between rounds.
        }

        stopping.Dispose();
        signal.Dispose();
    }

    private void Signal()
    {
        lock (gate)
        {
            requested++;
            if (idle.Task.IsCompleted)
                idle = NewIdle(completed: false);
            if (signal.CurrentCount == 0)
                signal.Release();
        }
    }

    private async Task RunAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            await signal.WaitAsync(token);
            long generation;
            lock (gate)
                generation = requested;
            try
            {
                if (connection.State != System.Data.ConnectionState.Open)
                    await connection.OpenAsync(token);
                // Rounds until the checkpoint caught up with the WAL (commits during a round leave a
                // remainder, copied by the next, shorter round); the writer then restarts the WAL
                // from its start at its next commit.
                for (var round = 0; round < 8 && !token.IsCancellationRequested; round++)
                {
                    // The columns are busy, log, checkpointed. Read without Dapper: Dapper.AOT does not read
                    // tuples, and vanilla Dapper's tuple reader is emitted at run time (not under native AOT).
                    // No token, as before: a started checkpoint round runs to its end.
                    var counts = await UnboundSql.CountsAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);", CancellationToken.None);
                    var (log, copied) = (counts[1], counts[2]);
                    Interlocked.Increment(ref completed);
                    if (copied >= log)
                    {
                        Interlocked.Exchange(ref sinceCaughtUp, 0);
                        break;
                    }
                }
            }
            catch (SqliteException)
            {
                // A checkpoint that could not run (the database busy or closing) is retried at the next signal;
                // SQLite also checkpoints when the last connection closes.
            }
            finally
            {
                // Idle only if nothing was asked for meanwhile; otherwise the next round runs at once.
                lock (gate)
                {
                    if (requested == generation)
                        idle.TrySetResult();
                }
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
            source.SetResult();
        return source;
    }
}
