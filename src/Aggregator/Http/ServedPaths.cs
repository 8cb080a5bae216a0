namespace Aggregator.Http;

/// <summary>The site paths HTTP serves after the latest publish (first pages, index and OPML from memory, archive pages from their files).</summary>
internal sealed record ServedPaths(IReadOnlyList<string> Files);
