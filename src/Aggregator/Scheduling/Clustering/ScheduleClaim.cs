using Aggregator.Model;
using Npgsql;

namespace Aggregator.Scheduling.Clustering;

/// <summary>
/// The right to change the shared schedule for one configuration. Outside a cluster every node owns
/// its own schedule. In a cluster the claim holds the row lock of cluster_schedule (an open
/// transaction) while the owner schedules, so nodes loading the same feeds.json at the same time
/// wait, then find it applied and skip; a node that dies mid-way rolls back and the next one applies.
/// </summary>
internal sealed class ScheduleClaim : IAsyncDisposable
{
    private readonly NpgsqlConnection? connection;
    private readonly NpgsqlTransaction? transaction;
    private readonly string? hash;
    private readonly string? instance;

    private ScheduleClaim(bool owned, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null, string? hash = null, string? instance = null)
    {
        Owned = owned;
        this.connection = connection;
        this.transaction = transaction;
        this.hash = hash;
        this.instance = instance;
    }

    /// <summary>Whether this node must apply the schedule changes (false: another node already did).</summary>
    public bool Owned { get; }

    /// <summary>A claim without a cluster: always owned, nothing to record.</summary>
    public static ScheduleClaim Local { get; } = new(owned: true);

    /// <summary>Waits for the cluster's schedule row; owned when it records another configuration than <paramref name="settings"/>.</summary>
    public static async Task<ScheduleClaim> TakeAsync(ClusterScheduleGate? gate, AggregatorSettings settings, CancellationToken cancellationToken)
    {
        if (gate is null)
            return Local;
        var hash = ScheduleContentHash.Of(settings);
        var connection = await gate.OpenAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var seed = new NpgsqlCommand("INSERT INTO cluster_schedule (id, content_hash, applied_by, applied_at) VALUES (1, '', '', 0) ON CONFLICT (id) DO NOTHING;", connection, transaction))
                await seed.ExecuteNonQueryAsync(cancellationToken);
            string stored;
            await using (var select = new NpgsqlCommand("SELECT content_hash FROM cluster_schedule WHERE id = 1 FOR UPDATE;", connection, transaction))
                stored = (string)(await select.ExecuteScalarAsync(cancellationToken))!;
            if (string.Equals(stored, hash, StringComparison.Ordinal))
            {
                await transaction.CommitAsync(cancellationToken);
                await connection.DisposeAsync();
                return new ScheduleClaim(owned: false);
            }

            return new ScheduleClaim(owned: true, connection, transaction, hash, gate.Instance);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Records that the schedule now matches this configuration and releases the row.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (transaction is null || connection is null)
            return;
        await using (var update = new NpgsqlCommand(
            "UPDATE cluster_schedule SET content_hash = @hash, applied_by = @instance, applied_at = (extract(epoch from clock_timestamp()) * 1000)::bigint WHERE id = 1;",
            connection, transaction))
        {
            update.Parameters.AddWithValue("hash", hash!);
            update.Parameters.AddWithValue("instance", instance!);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Not completed: the transaction rolls back and the next node (or reload) applies the change.
        if (transaction is not null)
            await transaction.DisposeAsync();
        if (connection is not null)
            await connection.DisposeAsync();
    }
}
