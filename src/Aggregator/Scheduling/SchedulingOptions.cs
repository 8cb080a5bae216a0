namespace Aggregator.Scheduling;

/// <summary>Timing of the daemon's scheduling; the defaults suit production, tests shorten them.</summary>
internal sealed class SchedulingOptions
{
    /// <summary>A publish waits until no new request came for this long, so a burst of polls publishes once.</summary>
    public TimeSpan PublishQuietPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A publish never waits longer than this after the first request, even while requests keep coming.</summary>
    public TimeSpan PublishMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Editors write a file in several steps (truncate, write, rename): reload after this much quiet.</summary>
    public TimeSpan ReloadQuietPeriod { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Quartz cron of the daily retention run (03:30 server time).</summary>
    public string RetentionSchedule { get; set; } = "0 30 3 * * ?";

    /// <summary>
    /// Upper bound of the jitter window; the window of a source is the smaller of this and half its
    /// interval, so a source on a 1-minute cron still fires once a minute.
    /// </summary>
    public TimeSpan MaxJitter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>At start-up, sources not polled for this long are polled at once instead of at their next tick.</summary>
    public TimeSpan StartupPollAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After shutdown starts, running polls get this long to finish before their token is cancelled.
    /// Keep it below the host's <c>HostOptions.ShutdownTimeout</c> (30 s by default) so the store is
    /// closed by us, not abandoned by the host.
    /// </summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Jobs Quartz runs at once; null derives it from the fetch limit (see <see cref="SchedulingServiceCollectionExtensions"/>).</summary>
    public int? MaxConcurrentJobs { get; set; }
}
