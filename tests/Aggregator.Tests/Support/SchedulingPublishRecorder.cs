using Aggregator.Publishing;
using Aggregator.Scheduling;

namespace Aggregator.Tests.Support;

/// <summary>An <see cref="IPublishListener"/> that counts the publishes it is told of.</summary>
internal sealed class SchedulingPublishRecorder : IPublishListener
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public PublishReport? Last { get; private set; }

    public Task OnPublishedAsync(PublishReport report, CancellationToken cancellationToken)
    {
        Last = report;
        Interlocked.Increment(ref count);
        return Task.CompletedTask;
    }
}
