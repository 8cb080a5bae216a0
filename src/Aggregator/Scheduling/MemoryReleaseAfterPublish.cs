using System.Diagnostics;
using System.Runtime;
using Aggregator.Publishing;
using Microsoft.Extensions.Logging;

namespace Aggregator.Scheduling;

/// <summary>
/// After a publish that replaced files, gives the memory of the publish back to the OS. A publish
/// builds the whole site in memory (every archive page included) and reads archive pages back for
/// their cached entries, though the daemon then keeps only the first pages (HTTP reads archive pages
/// from their files); those large arrays would otherwise sit in a fragmented large-object heap and in
/// malloc's free lists until the next publish — the daemon's idle resident size would be its busiest
/// moment's. One aggressive (compacting, decommitting) collection
/// per publish costs a pause of tens of milliseconds; publishes are debounced, so at most one runs
/// every couple of seconds under a burst of polls and a few an hour when idle. It runs after every
/// publish, one that wrote nothing included: such a publish still built every page (and read the
/// archive pages back), and a heap dump of serve idle after one showed 180 MB of its dead pages on
/// the large-object heap, which no collection would visit until the next large allocations.
/// </summary>
internal sealed class MemoryReleaseAfterPublish(ILogger<MemoryReleaseAfterPublish> logger) : IPublishListener
{
    public Task OnPublishedAsync(PublishReport report, CancellationToken cancellationToken)
    {
        var before = Environment.WorkingSet;
        var started = Stopwatch.GetTimestamp();
        Release();
        logger.LogDebug(
            "Released memory after the publish: resident {BeforeMiB} MiB -> {AfterMiB} MiB in {Milliseconds:F0} ms",
            before >> 20, Environment.WorkingSet >> 20, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    /// <summary>
    /// One compacting, decommitting collection (the large-object heap included) and a malloc_trim.
    /// Also called after serve's start-up publish, which no listener hears: when the first polls
    /// bring nothing new, no other publish follows, and a heap dump of serve idle over 1,000,000
    /// articles showed that publish's 345 MB of dead arrays still resident.
    /// </summary>
    public static void Release()
    {
        // The large-object heap is not compacted by default, aggressive or not: a heap dump of serve
        // idle after a publish (50,000 articles) showed 70 MB of live arrays in 10 LOH regions holding
        // 240 MB of free space, all of it resident. The pages of a publish are large objects.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }
}
