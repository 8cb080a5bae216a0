using Aggregator.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Scheduling.Clustering;

/// <summary>Registers what a node of a cluster needs besides the clustered job store (see <see cref="ClusteredJobStore"/>).</summary>
internal static class ClusteringServiceCollectionExtensions
{
    /// <summary>
    /// With a shared (PostgreSQL) store: the <see cref="ClusterScheduleGate"/> that lets one node apply
    /// each configuration to the shared schedule, and the <see cref="ClusterChangeListener"/> that
    /// republishes after other nodes' changes. With SQLite: nothing (every node is alone).
    /// </summary>
    public static IServiceCollection AddAggregatorClustering(this IServiceCollection services, ResolvedStore store)
    {
        if (!store.IsShared)
            return services;
        services.AddSingleton(_ => new ClusterScheduleGate(store));
        services.AddHostedService(provider => new ClusterChangeListener(
            store, provider.GetRequiredService<PublishDebouncer>(), provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ClusterChangeListener>>()));
        return services;
    }
}
