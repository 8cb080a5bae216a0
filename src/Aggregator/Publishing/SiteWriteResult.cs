namespace Aggregator.Publishing;

/// <summary>What writing a site to disk did, by site path.</summary>
internal sealed record SiteWriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Removed);
