using Aggregator.Model;

namespace Aggregator.Fetching;

/// <summary>The fetch stage: one HTTP poll of one source. Never throws for a bad source; failures are outcomes.</summary>
internal interface IFeedFetcher
{
    Task<FetchOutcome> FetchAsync(SourceDefinition source, FetchConditions conditions, CancellationToken cancellationToken);
}
