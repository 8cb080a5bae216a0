using Aggregator.Model;
using Aggregator.Storage;

namespace Aggregator.Publishing;

/// <summary>The publish stage: merged Atom feeds (and the pages around them) from the store.</summary>
internal interface IFeedPublisher
{
    Task<PublishReport> PublishAsync(AggregatorSettings settings, IArticleStore store, CancellationToken cancellationToken);
}

/// <summary>Which files were written and which were left alone because their bytes did not change.</summary>
internal sealed record PublishReport(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged);
