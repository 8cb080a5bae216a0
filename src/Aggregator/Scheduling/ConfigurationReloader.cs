using Aggregator.Http;
using System.Threading.Channels;
using Aggregator.Configuration;
using Aggregator.Hosting;
using Aggregator.Model;
using Aggregator.Scheduling.Clustering;
using Aggregator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Scheduling;

/// <summary>
/// Schedules the configured sources at start-up, then reloads feeds.json when it changes (file
/// watcher, SIGHUP): a valid file is applied as a <see cref="ConfigurationDiff"/> without restart; an
/// invalid one is logged problem by problem and reported in <see cref="ConfigurationHealth"/> while
/// the running configuration stays. Registered after the Quartz hosted service, so it stops first:
/// no reload touches a scheduler that is shutting down.
/// </summary>
internal sealed class ConfigurationReloader(
    AggregatorPaths paths,
    CurrentConfiguration configuration,
    ConfigurationHealth health,
    SourceJobScheduler scheduler,
    PublishDebouncer publisher,
    IArticleStore store,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<ConfigurationReloader> logger,
    ConfigurationStatus? status = null,
    ClusterScheduleGate? cluster = null) : IHostedService, IDisposable
{
    private readonly Channel<string> signals = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly SemaphoreSlim applying = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private ConfigFileWatcher? watcher;
    private Task? loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = configuration.Settings;
        await store.SyncSourcesAsync(settings.Sources, cancellationToken);
        // In a cluster the schedule is shared: only the first node to start with this feeds.json builds it.
        await using (var claim = await ScheduleClaim.TakeAsync(cluster, settings, cancellationToken))
        {
            if (claim.Owned)
            {
                await scheduler.ScheduleAsync(ConfigurationDiff.Between(null, settings).Added, cancellationToken);
                await scheduler.ScheduleRetentionAsync(cancellationToken);
                await scheduler.TriggerNowAsync(await StaleSourcesAsync(settings, cancellationToken), cancellationToken);
                await claim.CompleteAsync(cancellationToken);
            }
        }

        // The feeds on disk (and any in-memory copy) may predate this configuration.
        publisher.Request();
        logger.LogInformation("Scheduled {Count} sources from {ConfigFile}", settings.Sources.Count(s => s.Enabled), paths.ConfigFile);

        watcher = new ConfigFileWatcher(paths.ConfigFile, signals.Writer);
        loop = Task.Run(() => WatchAsync(stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        watcher?.Dispose();
        await stopping.CancelAsync();
        if (loop is not null)
            await loop.WaitAsync(cancellationToken);
    }

    /// <summary>Loads feeds.json now and applies it (what a file change or SIGHUP does, without the debounce).</summary>
    public async Task ReloadAsync(string reason, CancellationToken cancellationToken)
    {
        await applying.WaitAsync(cancellationToken);
        try
        {
            var loaded = FeedsConfigLoader.Load(paths.ConfigFile);
            if (loaded.IsValid)
                await ApplyAsync(loaded.Settings!, reason, cancellationToken);
            else
                ReportInvalid(loaded.Problems);
        }
        finally
        {
            applying.Release();
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var quiet = options.Value.ReloadQuietPeriod;
        try
        {
            while (true)
            {
                var reason = await signals.Reader.ReadAsync(cancellationToken);
                await QuietPeriod.WaitAsync(signals.Reader, quiet, quiet * 10, time, cancellationToken);
                try
                {
                    await ReloadAsync(reason, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Configuration reload failed unexpectedly: {Error}", exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// A daemon that starts on an empty or old store should not wait for each source's next tick (up
    /// to its whole interval); one restarted a moment ago should not poll everything again.
    /// </summary>
    private async Task<IReadOnlyList<string>> StaleSourcesAsync(AggregatorSettings settings, CancellationToken cancellationToken)
    {
        var health = (await store.GetAllHealthAsync(cancellationToken)).ToDictionary(h => h.SourceId);
        var staleBefore = time.GetUtcNow() - options.Value.StartupPollAfter;
        return settings.Sources
            .Where(s => s.Enabled)
            .Where(s => !health.TryGetValue(s.Id, out var h) || h.LastAttempt is null || h.LastAttempt < staleBefore)
            .Select(s => s.Id)
            .ToList();
    }

    private async Task ApplyAsync(AggregatorSettings after, string reason, CancellationToken cancellationToken)
    {
        var diff = ConfigurationDiff.Between(configuration.Settings, after);
        var wasInvalid = !health.IsHealthy;
        health.Clear();
        // /health (when serving over HTTP) shows the running configuration and the reload error.
        status?.SetSettings(after);
        if (diff.IsEmpty)
        {
            configuration.Replace(after);
            logger.Log(wasInvalid ? LogLevel.Information : LogLevel.Debug, "Configuration reloaded ({Reason}): nothing changed", reason);
            return;
        }

        await store.SyncSourcesAsync(after.Sources, cancellationToken);
        // Swap first: a job created below, or one already running, must see the new definitions.
        configuration.Replace(after);
        // In a cluster every node reloads the same file; the first applies it to the shared schedule.
        await using (var claim = await ScheduleClaim.TakeAsync(cluster, after, cancellationToken))
        {
            if (claim.Owned)
            {
                await scheduler.UnscheduleAsync(diff.Removed, cancellationToken);
                await scheduler.ScheduleAsync(diff.Added, cancellationToken);
                await scheduler.TriggerNowAsync(diff.Added.Select(s => s.Id), cancellationToken);
                await scheduler.RescheduleAsync(diff.Rescheduled, cancellationToken);
                await claim.CompleteAsync(cancellationToken);
            }
        }
        if (diff.NeedsPublish)
            publisher.Request();
        if (diff.FetchLimitsChanged)
            logger.LogWarning("Configuration: the fetch limits (maxConcurrent, maxConcurrentPerHost) changed; they take effect after a restart");

        logger.LogInformation(
            "Configuration reloaded ({Reason}): {Added} sources added, {Removed} removed, {Rescheduled} rescheduled, {Changed} changed, {Categories} category changes, site changed: {SiteChanged}",
            reason, diff.Added.Count, diff.Removed.Count, diff.Rescheduled.Count, diff.Changed.Count,
            diff.CategoriesAdded.Count + diff.CategoriesRemoved.Count + diff.CategoriesRenamed.Count, diff.SiteChanged);
    }

    private void ReportInvalid(IReadOnlyList<ConfigProblem> problems)
    {
        foreach (var problem in problems)
            logger.LogError("Configuration reload rejected: {Problem}", problem.ToString());
        health.ReportInvalid(problems, time.GetUtcNow());
        status?.SetError(health.Error);
        logger.LogError("Configuration: {Count} problems in {ConfigFile}; still running the previous configuration", problems.Count, paths.ConfigFile);
    }

    public void Dispose()
    {
        watcher?.Dispose();
        stopping.Dispose();
        applying.Dispose();
    }
}
