using System.Threading.Channels;
using Aggregator.Publishing;
using Aggregator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Scheduling;

/// <summary>
/// Publishes the merged feeds after changes, debounced: a request starts a wait that ends after
/// <see cref="SchedulingOptions.PublishQuietPeriod"/> without further requests (at most
/// <see cref="SchedulingOptions.PublishMaxDelay"/>), then one publish runs and the
/// <see cref="IPublishListener"/>s are told. Requests during a publish lead to one more publish.
/// It stops after the Quartz scheduler (it is registered before it), so a request from the last
/// polls of a shutdown is still published.
/// </summary>
internal sealed class PublishDebouncer(
    CurrentConfiguration configuration,
    IFeedPublisher publisher,
    IArticleStore store,
    IEnumerable<IPublishListener> listeners,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<PublishDebouncer> logger) : BackgroundService
{
    // One slot: any number of requests before the next publish collapse into one.
    private readonly Channel<bool> requests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Asks for a publish soon; cheap and safe to call from any thread, any number of times.</summary>
    public void Request() => requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = false;
        try
        {
            while (true)
            {
                await requests.Reader.ReadAsync(stoppingToken);
                pending = true;
                await QuietPeriod.WaitAsync(requests.Reader, options.Value.PublishQuietPeriod, options.Value.PublishMaxDelay, time, stoppingToken);
                await PublishAsync(stoppingToken);
                pending = false;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: publish what was asked for, within the grace given to polls.
        }

        if (pending || requests.Reader.TryRead(out _))
        {
            using var bound = new CancellationTokenSource(options.Value.ShutdownGrace, time);
            try
            {
                await PublishAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("The last publish was cancelled by shutdown; the next start publishes again");
            }
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        PublishReport report;
        try
        {
            report = await publisher.PublishAsync(configuration.Settings, store, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The next change asks again; the feeds on disk stay as they were (written atomically).
            logger.LogError(exception, "Publish failed: {Error}", exception.Message);
            return;
        }

        logger.LogInformation("Published {Written} files ({Unchanged} unchanged)", report.Written.Count, report.Unchanged.Count);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnPublishedAsync(report, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Publish listener {Listener} failed: {Error}", listener.GetType().Name, exception.Message);
            }
        }
    }
}
