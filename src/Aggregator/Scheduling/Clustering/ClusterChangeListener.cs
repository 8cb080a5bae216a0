using Aggregator.Storage.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aggregator.Scheduling.Clustering;

/// <summary>
/// Another node's poll changes the shared store without this node's publisher hearing of it: every
/// store commit that changes what the feeds show sends a PostgreSQL NOTIFY, and this listener asks
/// for a (debounced) publish on each. Since all nodes publish from the same store with the same
/// deterministic writer, they serve the same bytes and ETags. After a lost connection it reconnects
/// and publishes once, in case a notification was missed meanwhile.
/// </summary>
internal sealed class ClusterChangeListener(ResolvedStore store, PublishDebouncer publisher, ILogger<ClusterChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresStoreSettings.Complete(store.ConnectionString!)) { KeepAlive = 30, Pooling = false };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => publisher.Request();
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresArticleStore.ChangeChannel};", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                publisher.Request();
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning("Cluster: lost the change notifications of {Store} ({Error}); reconnecting in {Delay}", store, exception.Message, ReconnectDelay);
                await Task.Delay(ReconnectDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
