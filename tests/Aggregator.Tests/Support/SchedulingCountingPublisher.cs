using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Storage;

namespace Aggregator.Tests.Support;

/// <summary>A publisher that writes nothing and counts its calls, for the debounce tests.</summary>
internal sealed class SchedulingCountingPublisher : IFeedPublisher
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task<PublishReport> PublishAsync(AggregatorSettings settings, IArticleStore store, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        return Task.FromResult(new PublishReport([$"publish-{call}"], []));
    }
}
