using Aggregator.Publishing;

namespace Aggregator.Scheduling;

/// <summary>
/// Told after every successful publish (e.g. the HTTP host swaps the feed bytes it serves from memory).
/// Register any number as singletons: <c>services.AddSingleton&lt;IPublishListener, MyListener&gt;()</c>.
/// A listener that throws is logged and does not stop the others.
/// </summary>
internal interface IPublishListener
{
    Task OnPublishedAsync(PublishReport report, CancellationToken cancellationToken);
}
