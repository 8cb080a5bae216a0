namespace Aggregator.Scheduling;

/// <summary>When each scheduled source polls next, for the `sources` command and /health.</summary>
internal interface IScheduleInspector
{
    /// <summary>Next fire time of every scheduled source, keyed by source id (null: no further fire).</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset?>> NextFireTimesAsync(CancellationToken cancellationToken = default);
}
