using Aggregator.Scheduling;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Http;

/// <summary>
/// Gives memory back to the OS once `serve` goes quiet after work that allocated a lot: a burst of
/// polls (response buffers, parsing, sanitizing: large arrays that land on the large-object heap)
/// or a publish. The GC visits the large-object heap only when large allocations go on, so after a
/// burst its dead arrays stayed resident for as long as the daemon was idle: a heap dump of serve
/// over 1,000 sources and 1,000,000 articles, idle after its first polls, held 419 MB of
/// large-object heap of which ~70 MB was live. Every <see cref="Interval"/> the allocated total is
/// checked; when almost nothing was allocated during the last interval and either more than
/// <see cref="Threshold"/> was allocated since the last release or the resident size grew by more
/// than <see cref="ResidentGrowth"/> since it, <see cref="ReleaseNow"/> runs. The second condition is
/// for a re-poll round of unchanged feeds (304s): it allocates little on the managed heap, but its
/// readers' SQLite caches and malloc arenas took ~95 MiB (177 -> 274 MiB over 1,000 sources). It
/// also asks for fewer than <see cref="QuietRequestsBelow"/> HTTP responses in the interval: serving
/// a feed from memory allocates almost nothing, so under a steady load of readers the allocation test
/// alone would call the load quiet, and a release there (a blocking compacting collection) would only
/// pause the readers while the resident size grew back.
/// </summary>
internal sealed class IdleMemoryRelease(IServiceProvider services, ILogger<IdleMemoryRelease> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    public const long Threshold = 64L << 20;
    public const long QuietBelow = 2L << 20;
    public const long ResidentGrowth = 32L << 20;
    public const long QuietRequestsBelow = 50;

    /// <summary>
    /// Whether to release now, from the allocated totals at the last release, the last check and now,
    /// the resident sizes just after the last release and now, and the HTTP responses of the last interval.
    /// </summary>
    public static bool ShouldRelease(long atLastRelease, long atLastCheck, long now, long residentAfterLastRelease, long residentNow, long requestsInInterval) =>
        now - atLastCheck < QuietBelow
        && (now - atLastRelease > Threshold || (residentNow - residentAfterLastRelease > ResidentGrowth && requestsInInterval < QuietRequestsBelow));

    /// <summary>
    /// What an idle daemon keeps only for speed, let go: the store's page caches (SQLite's writer cache
    /// alone was ~64 MiB over 1,000,000 articles), the identity bytes of the in-memory files, then one
    /// compacting collection and malloc_trim so the freed memory leaves the process.
    /// </summary>
    public void ReleaseNow()
    {
        var before = Environment.WorkingSet;
        var store = services.GetService<Task<IArticleStore>>() is { IsCompletedSuccessfully: true } opened ? opened.Result : null;
        var sqlite = store is IReleasesIdleMemory releasing ? releasing.ReleaseIdleMemory() : default;
        var identity = services.GetService<ServedSite>()?.ReleaseIdleMemory() ?? 0;
        MemoryReleaseAfterPublish.Release();
        logger.LogDebug(
            "Released memory while idle: resident {BeforeMiB} MiB -> {AfterMiB} MiB (store caches {SqliteBeforeMiB} -> {SqliteAfterMiB} MiB, identity bytes {IdentityMiB} MiB)",
            before >> 20, Environment.WorkingSet >> 20, sqlite.Before >> 20, sqlite.After >> 20, identity >> 20);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var atLastRelease = GC.GetTotalAllocatedBytes();
        var atLastCheck = atLastRelease;
        var residentAfterLastRelease = Environment.WorkingSet;
        var metrics = services.GetService<AggregatorMetrics>();
        var requestsAtLastCheck = metrics?.RequestTotal ?? 0;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = GC.GetTotalAllocatedBytes();
                var requests = metrics?.RequestTotal ?? 0;
                var requestsInInterval = requests - requestsAtLastCheck;
                requestsAtLastCheck = requests;
                if (ShouldRelease(atLastRelease, atLastCheck, now, residentAfterLastRelease, Environment.WorkingSet, requestsInInterval))
                {
                    ReleaseNow();
                    now = GC.GetTotalAllocatedBytes();
                    atLastRelease = now;
                    // Measured after the release: what it could not give back does not trigger the next one.
                    residentAfterLastRelease = Environment.WorkingSet;
                }
                atLastCheck = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
