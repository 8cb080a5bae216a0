using Aggregator.Hosting;
using Aggregator.Model;
using Aggregator.Scheduling.Clustering;
using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Logging;

namespace Aggregator.Scheduling;

/// <summary>Registers the daemon's scheduling into any generic host (the `serve` WebApplication or a test host).</summary>
internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds an in-memory Quartz scheduler with one poll job per enabled source of <paramref name="initial"/>,
    /// the debounced publish, the daily retention job and hot reload of <see cref="AggregatorPaths.ConfigFile"/>.
    /// The pipeline (fetch → store, publish) must be registered too, e.g. with
    /// <see cref="SchedulingPipelineExtensions.AddAggregatorPipeline"/>. Resolvable afterwards:
    /// <see cref="CurrentConfiguration"/>, <see cref="ConfigurationHealth"/>, <see cref="IScheduleInspector"/>,
    /// <see cref="PublishDebouncer"/> (to ask for a publish); add <see cref="IPublishListener"/>s to be told of publishes.
    /// Hosted services start in this order: publisher, Quartz, reloader (and stop in reverse), so on
    /// shutdown the watcher stops first, then Quartz waits for running polls (cancelled after
    /// <see cref="SchedulingOptions.ShutdownGrace"/>), then a pending publish runs. The host's
    /// <c>HostOptions.ShutdownTimeout</c> should exceed twice the grace (the default 30 s does).
    /// </summary>
    public static IServiceCollection AddAggregatorScheduling(
        this IServiceCollection services, AggregatorPaths paths, AggregatorSettings initial, Action<SchedulingOptions>? configure = null)
    {
        var options = services.AddOptions<SchedulingOptions>();
        if (configure is not null)
            options.Configure(configure);
        var configured = new SchedulingOptions();
        configure?.Invoke(configured);
        // PostgreSQL store: Quartz clustered on the same database (Clustering/); SQLite: in memory.
        var store = StoreResolver.Resolve(initial.Store);
        services.AddAggregatorClustering(store);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(paths);
        // feeds.json has no retention settings yet: the store's defaults (keep everything) apply.
        services.TryAddSingleton(new RetentionPolicy());
        services.AddSingleton(new CurrentConfiguration(initial));
        services.AddSingleton<ConfigurationHealth>();
        services.AddSingleton<PollCancellation>();
        services.AddSingleton<SourceJobScheduler>();
        services.AddSingleton<IScheduleInspector>(provider => provider.GetRequiredService<SourceJobScheduler>());
        services.AddSingleton<PublishDebouncer>();
        services.AddSingleton<ConfigurationReloader>();
        services.AddSingleton<IPublishListener, MemoryReleaseAfterPublish>();

        services.AddHostedService(provider =>
        {
            // Quartz keeps its logger factory in a static that only the first host of a process sets;
            // point it at this host's before Quartz's services are built (this hosted service is
            // resolved just before them), so a second host in one process (tests) does not log into
            // the first one's disposed factory.
            LogContext.SetCurrentLogProvider(provider.GetRequiredService<ILoggerFactory>());
            return provider.GetRequiredService<PublishDebouncer>();
        });
        services.AddQuartz(quartz =>
        {
            quartz.SchedulerName = "aggregator";
            var concurrency = configured.MaxConcurrentJobs ?? DefaultConcurrency(initial);
            ClusteredJobStore.Use(quartz, store, concurrency);
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = concurrency);
        });
        services.AddQuartzHostedService(hosted =>
        {
            hosted.WaitForJobsToComplete = true;
            hosted.AwaitApplicationStarted = true;
        });
        services.AddHostedService(provider => provider.GetRequiredService<ConfigurationReloader>());
        return services;
    }

    /// <summary>
    /// Twice the global fetch limit (4 to 64): the fetcher's own limiter decides how many fetch at once;
    /// the extra job slots keep a source waiting for a busy host from holding up sources on other hosts,
    /// while the cap bounds how many polls (and their feed bodies) are in memory at once.
    /// </summary>
    private static int DefaultConcurrency(AggregatorSettings settings) => Math.Clamp(settings.MaxConcurrentFetches * 2, 4, 64);
}
