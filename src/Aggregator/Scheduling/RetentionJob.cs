using Aggregator.Storage;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Once a day: deletes expired articles (leaving tombstones) and asks for a publish when any went.
/// feeds.json has no retention settings yet, so the store's <see cref="RetentionPolicy"/> defaults apply.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(
    IArticleStore store,
    RetentionPolicy policy,
    PublishDebouncer publisher,
    PollCancellation shutdown,
    ILogger<RetentionJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, shutdown.Token);
        try
        {
            var result = await store.ApplyRetentionAsync(policy, linked.Token);
            logger.LogInformation("Retention deleted {Deleted} articles, added {Tombstones} tombstones", result.ArticlesDeleted, result.TombstonesAdded);
            if (result.ArticlesDeleted > 0)
                publisher.Request();
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            logger.LogInformation("Retention cancelled by shutdown");
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Retention failed: {Error}", exception.Message);
        }
    }
}
