using Aggregator.Storage.Postgres;
using Npgsql;

namespace Aggregator.Scheduling.Clustering;

/// <summary>
/// The cluster's shared-schedule row (cluster_schedule, created by the store's migrations) and who
/// this node is; registered only when the store is PostgreSQL. See <see cref="ScheduleClaim"/>.
/// </summary>
internal sealed class ClusterScheduleGate(ResolvedStore store) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(PostgresStoreSettings.Complete(store.ConnectionString!));

    /// <summary>This process, as recorded next to the configuration it applied.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
