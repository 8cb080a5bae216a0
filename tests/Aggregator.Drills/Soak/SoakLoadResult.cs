namespace Aggregator.Drills.Soak;

/// <summary>What the load on the merged feeds saw: requests made, responses that were not 2xx/3xx, socket errors (connect, read, write, timeout).</summary>
internal sealed record SoakLoadResult(string Tool, long Requests, long NonSuccess, long SocketErrors, string Report)
{
    public long Failed => NonSuccess + SocketErrors;
}
