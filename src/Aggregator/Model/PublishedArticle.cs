namespace Aggregator.Model;

/// <summary>A stored article as the publishers see it: the canonical copy plus who else carried the story.</summary>
internal sealed record PublishedArticle
{
    /// <summary>Stable store id; feed entry ids derive from it, never from the source.</summary>
    public required string ArticleId { get; init; }
    public required Article Article { get; init; }
    public required string SourceTitle { get; init; }
    public required Uri SourceUrl { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    /// <summary>Last time the stored content changed (first seen when it never did).</summary>
    public required DateTimeOffset LastChanged { get; init; }
    /// <summary>Other versions of the same story: the "also reported by" links.</summary>
    public IReadOnlyList<RelatedReport> AlsoReportedBy { get; init; } = [];
}

/// <summary>Another source's version of a story.</summary>
internal sealed record RelatedReport(string SourceId, string SourceTitle, string Link);
