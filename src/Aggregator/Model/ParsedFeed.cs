namespace Aggregator.Model;

/// <summary>What the parse stage read from one document: format-neutral, not yet normalized.</summary>
internal sealed record ParsedFeed
{
    public required FeedFormat Format { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Language { get; init; }
    public string? Author { get; init; }
    public required IReadOnlyList<ParsedEntry> Entries { get; init; }
    /// <summary>Problems that did not stop the parse (a truncated document, an undeclared prefix…).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
