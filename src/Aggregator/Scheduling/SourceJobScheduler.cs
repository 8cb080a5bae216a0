using Aggregator.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl.Matchers;

namespace Aggregator.Scheduling;

/// <summary>
/// Adds, removes and reschedules the per-source Quartz jobs: one durable-less job per enabled source,
/// keyed by its id, with one cron trigger (jittered, misfire = fire once now).
/// </summary>
internal sealed class SourceJobScheduler(
    ISchedulerFactory schedulerFactory,
    IOptions<SchedulingOptions> options,
    ILogger<SourceJobScheduler> logger) : IScheduleInspector
{
    public const string SourceGroup = "sources";
    public const string SourceIdKey = "sourceId";
    private static readonly JobKey RetentionKey = new("retention", "maintenance");

    public async Task ScheduleAsync(IEnumerable<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        foreach (var source in sources)
        {
            var job = JobBuilder.Create<SourcePollJob>()
                .WithIdentity(source.Id, SourceGroup)
                .UsingJobData(SourceIdKey, source.Id)
                // In a cluster, a poll cut short by its node's death is run again by another node.
                .RequestRecovery()
                .Build();
            await scheduler.ScheduleJob(job, [Trigger(source)], replace: true, cancellationToken);
            logger.LogDebug("Scheduled {SourceId} on {Schedule}", source.Id, source.Schedule);
        }
    }

    /// <summary>Polls these sources once now, besides their schedule (a source added by a reload should not wait for its first tick).</summary>
    public async Task TriggerNowAsync(IEnumerable<string> sourceIds, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        foreach (var id in sourceIds)
            await scheduler.TriggerJob(new JobKey(id, SourceGroup), cancellationToken);
    }

    public async Task UnscheduleAsync(IEnumerable<string> sourceIds, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        foreach (var id in sourceIds)
        {
            // A poll of this source that is running now finishes; no further one starts.
            await scheduler.DeleteJob(new JobKey(id, SourceGroup), cancellationToken);
            logger.LogDebug("Unscheduled {SourceId}", id);
        }
    }

    public async Task RescheduleAsync(IEnumerable<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        foreach (var source in sources)
        {
            var replaced = await scheduler.RescheduleJob(new TriggerKey(source.Id, SourceGroup), Trigger(source), cancellationToken);
            if (replaced is null)
                await ScheduleAsync([source], cancellationToken);
            logger.LogDebug("Rescheduled {SourceId} on {Schedule}", source.Id, source.Schedule);
        }
    }

    public async Task ScheduleRetentionAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<RetentionJob>().WithIdentity(RetentionKey).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(RetentionKey.Name, RetentionKey.Group)
            .ForJob(job)
            .WithCronSchedule(options.Value.RetentionSchedule, cron => cron.WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], replace: true, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset?>> NextFireTimesAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(SourceGroup), cancellationToken);
        var result = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var trigger = await scheduler.GetTrigger(key, cancellationToken);
            if (trigger is not null)
                result[key.Name] = trigger.GetNextFireTimeUtc();
        }
        return result;
    }

    private ITrigger Trigger(SourceDefinition source) =>
        TriggerBuilder.Create()
            .WithIdentity(source.Id, SourceGroup)
            .ForJob(source.Id, SourceGroup)
            // Fire-and-proceed: after downtime or a long poll, one catch-up run, then back on the clock.
            .WithCronSchedule(
                ScheduleJitter.Apply(source.Schedule, source.Id, options.Value.MaxJitter),
                cron => cron.WithMisfireHandlingInstructionFireAndProceed())
            .Build();
}
