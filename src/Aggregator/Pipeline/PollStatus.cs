namespace Aggregator.Pipeline;

internal enum PollStatus
{
    /// <summary>Fetched, parsed and stored.</summary>
    Ok,
    /// <summary>The server said 304: nothing parsed, nothing written but the health record.</summary>
    NotModified,
    /// <summary>Not polled: the source is paused or backing off (failures, Retry-After).</summary>
    Deferred,
    Failed,
}
