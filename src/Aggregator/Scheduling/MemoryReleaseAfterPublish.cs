using System.Diagnostics;
using Aggregator.Publishing;
using Microsoft.Extensions.Logging;

namespace Aggregator.Scheduling;

/// <summary>
/// After a publish that replaced files, gives the memory of the previous site back to the OS. The
/// daemon holds every published file in memory (the HTTP server hands them out from there); a publish
/// builds the new site beside the old one, and the old one's large arrays would otherwise sit in a
/// fragmented large-object heap and in malloc's free lists until the next publish — the daemon's idle
/// resident size would be its busiest moment's. One aggressive (compacting, decommitting) collection
/// per publish costs a pause of tens of milliseconds; publishes are debounced, so at most one runs
/// every couple of seconds under a burst of polls and a few an hour when idle.
/// </summary>
internal sealed class MemoryReleaseAfterPublish(ILogger<MemoryReleaseAfterPublish> logger) : IPublishListener
{
    // The first publish the scheduler runs follows serve's start-up publish, which built the site from scratch.
    private int publishes;

    public Task OnPublishedAsync(PublishReport report, CancellationToken cancellationToken)
    {
        var first = Interlocked.Increment(ref publishes) == 1;
        if (report.Written.Count == 0 && !first)
            return Task.CompletedTask;
        var before = Environment.WorkingSet;
        var started = Stopwatch.GetTimestamp();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        logger.LogDebug(
            "Released memory after the publish: resident {BeforeMiB} MiB -> {AfterMiB} MiB in {Milliseconds:F0} ms",
            before >> 20, Environment.WorkingSet >> 20, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }
}
