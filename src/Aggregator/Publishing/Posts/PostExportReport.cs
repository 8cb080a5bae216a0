namespace Aggregator.Publishing.Posts;

/// <summary>What an export did, by file name.</summary>
internal sealed record PostExportReport(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Removed);
