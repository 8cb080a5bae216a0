using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// The <see cref="PollReader"/>s of one store: a poll rents one for a read and gives it back. Polls
/// run concurrently (bounded by the fetch limits), so a reader is made when none is idle, and at
/// most <see cref="MaxIdle"/> are kept; the rest are closed on return.
/// </summary>
internal sealed class PollReaderPool(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    private const int MaxIdle = 8;

    private readonly ConcurrentBag<PollReader> idle = [];
    private volatile bool disposed;

    /// <summary>Runs <paramref name="read"/> on an idle reader (or a new one) and returns the reader to the pool.</summary>
    public async Task<T> ReadAsync<T>(Func<PollReader, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!idle.TryTake(out var reader))
            reader = new PollReader(await open(cancellationToken));

        var keep = false;
        try
        {
            var result = read(reader);
            keep = true;
            return result;
        }
        finally
        {
            // A reader whose read threw may be mid-statement: close it rather than hand it on.
            if (keep && !disposed && idle.Count < MaxIdle)
                idle.Add(reader);
            else
                reader.Dispose();
        }
    }

    /// <summary>Closes the idle readers (their page caches and prepared statements); polls open new ones.</summary>
    public void Clear()
    {
        while (idle.TryTake(out var reader))
            reader.Dispose();
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var reader))
            reader.Dispose();
    }
}
