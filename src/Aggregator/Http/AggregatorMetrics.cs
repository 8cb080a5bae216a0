using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Aggregator.Pipeline;

namespace Aggregator.Http;

/// <summary>
/// The counters behind <c>/metrics</c>: plain Interlocked longs, so the request path and the pollers
/// count without locks or allocations. <see cref="RecordPoll"/> is called wherever a
/// <see cref="PollReport"/> is produced (AggregationRun; a scheduler job polling a single source).
/// </summary>
internal sealed class AggregatorMetrics
{
    private static readonly int[] KnownStatuses = [200, 304, 400, 404, 405, 500, 503];
    private static readonly int KindCount = Enum.GetValues<PathKind>().Length;

    // One slot per (kind, status); the last status slot counts every other status.
    private readonly long[] requests = new long[KindCount * (KnownStatuses.Length + 1)];
    private readonly ConcurrentDictionary<(string Source, PollStatus Status), StrongBox<long>> polls = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> pollFailures = new(StringComparer.Ordinal);
    private long publishTicks = -1;

    /// <summary>Counts one finished poll (every status) and, when it failed, a failure of its source.</summary>
    public void RecordPoll(PollReport report)
    {
        Interlocked.Increment(ref polls.GetOrAdd((report.Source.Id, report.Status), _ => new StrongBox<long>()).Value);
        if (report.Status == PollStatus.Failed)
            Interlocked.Increment(ref pollFailures.GetOrAdd(report.Source.Id, _ => new StrongBox<long>()).Value);
    }

    /// <summary>Remembers how long the latest publish took.</summary>
    public void RecordPublish(TimeSpan elapsed) => Interlocked.Exchange(ref publishTicks, elapsed.Ticks);

    /// <summary>Counts one HTTP response.</summary>
    public void RecordRequest(PathKind kind, int status)
    {
        var statusIndex = Array.IndexOf(KnownStatuses, status);
        if (statusIndex < 0)
            statusIndex = KnownStatuses.Length;
        Interlocked.Increment(ref requests[((int)kind * (KnownStatuses.Length + 1)) + statusIndex]);
    }

    /// <summary>HTTP responses counted so far, all kinds and statuses.</summary>
    public long RequestTotal
    {
        get
        {
            long total = 0;
            for (var i = 0; i < requests.Length; i++)
                total += Interlocked.Read(ref requests[i]);
            return total;
        }
    }

    /// <summary>Seconds the latest publish took, or null before the first.</summary>
    public double? LastPublishSeconds =>
        Interlocked.Read(ref publishTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks).TotalSeconds : null;

    public IEnumerable<(string Source, PollStatus Status, long Count)> Polls =>
        polls.Select(pair => (pair.Key.Source, pair.Key.Status, Interlocked.Read(ref pair.Value.Value)))
            .OrderBy(poll => poll.Source, StringComparer.Ordinal).ThenBy(poll => poll.Status);

    public IEnumerable<(string Source, long Count)> PollFailures =>
        pollFailures.Select(pair => (pair.Key, Interlocked.Read(ref pair.Value.Value)))
            .OrderBy(failure => failure.Key, StringComparer.Ordinal);

    /// <summary>Request counts that are not zero; status "other" for statuses outside the known set.</summary>
    public IEnumerable<(PathKind Kind, string Status, long Count)> Requests
    {
        get
        {
            for (var kind = 0; kind < KindCount; kind++)
            {
                for (var status = 0; status <= KnownStatuses.Length; status++)
                {
                    var count = Interlocked.Read(ref requests[(kind * (KnownStatuses.Length + 1)) + status]);
                    if (count > 0)
                        yield return ((PathKind)kind, status < KnownStatuses.Length ? KnownStatuses[status].ToString(System.Globalization.CultureInfo.InvariantCulture) : "other", count);
                }
            }
        }
    }
}
