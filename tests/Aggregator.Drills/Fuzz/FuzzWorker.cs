using System.Diagnostics;

namespace Aggregator.Drills.Fuzz;

/// <summary>
/// One worker thread's current input, read by the watchdog. A worker the watchdog gave up on (a hang)
/// is abandoned: it finishes its input if it ever does, counts nothing, and exits.
/// </summary>
internal sealed class FuzzWorker
{
    private long startedAt;

    public volatile bool Abandoned;
    public long Index;
    public byte[]? Input;
    public string Kinds = "";

    /// <summary>Stopwatch timestamp of the current input's start; 0 when idle.</summary>
    public long StartedAt => Volatile.Read(ref startedAt);

    public void Begin(long index, byte[] input, string kinds)
    {
        Index = index;
        Input = input;
        Kinds = kinds;
        Volatile.Write(ref startedAt, Stopwatch.GetTimestamp());
    }

    public void End()
    {
        Volatile.Write(ref startedAt, 0);
        Input = null;
    }
}
