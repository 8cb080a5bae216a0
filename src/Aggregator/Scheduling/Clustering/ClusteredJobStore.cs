using Aggregator.Storage.Postgres;
using Quartz;

namespace Aggregator.Scheduling.Clustering;

/// <summary>
/// Where Quartz keeps its jobs: in memory for the embedded SQLite store (one node), or, when the store
/// is PostgreSQL, Quartz's clustered AdoJobStore on the same database. There every node runs the same
/// scheduler name with its own instance id; a trigger is acquired under Quartz's row lock
/// (qrtz_locks, SELECT ... FOR UPDATE) so it fires on exactly one node, and a node that misses its
/// check-ins has its running jobs recovered (they request recovery) and its triggers taken by the others.
/// </summary>
internal static class ClusteredJobStore
{
    /// <summary>A node that has not checked in for this long is declared dead and its work recovered.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(7.5);

    /// <summary>A trigger later than this is a misfire (handled by the trigger's instruction: fire once, then proceed).</summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(60);

    public static void Use(IServiceCollectionQuartzConfigurator quartz, ResolvedStore store, int concurrency)
    {
        if (!store.IsShared)
        {
            quartz.UseInMemoryStore();
            return;
        }

        // AUTO: host name + start time, unique per process, so several nodes may share a machine.
        quartz.SchedulerId = "AUTO";
        quartz.MisfireThreshold = MisfireThreshold;
        // Acquire up to a thread pool's worth of due triggers per lock round trip: with a thousand
        // sources on one cron minute, one trigger per acquisition would queue every node on the lock.
        quartz.MaxBatchSize = concurrency;
        quartz.SetProperty("quartz.jobStore.acquireTriggersWithinLock", "true");
        quartz.UsePersistentStore(persistent =>
        {
            // Job data as string properties, serialized as JSON (JsonJobDataSerializer): no binary serialization.
            persistent.UseProperties = true;
            persistent.RetryInterval = TimeSpan.FromSeconds(5);
            // The tables are created by the store's migrations (QuartzSchema), before Quartz starts.
            persistent.PerformSchemaValidation = false;
            persistent.UsePostgres(postgres =>
            {
                postgres.ConnectionString = store.ConnectionString!;
                postgres.TablePrefix = "qrtz_";
            });
            persistent.UseClustering(cluster =>
            {
                cluster.CheckinInterval = CheckinInterval;
                cluster.CheckinMisfireThreshold = CheckinInterval * 2;
            });
            persistent.UseSerializer<JsonJobDataSerializer>();
        });
    }
}
