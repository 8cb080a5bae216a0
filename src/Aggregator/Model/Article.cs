namespace Aggregator.Model;

/// <summary>An entry normalized into the seed's article model: what the store keeps and the publishers write.</summary>
internal sealed record Article
{
    /// <summary>Where it came from (the configured source id).</summary>
    public required string SourceId { get; init; }
    /// <summary>Stable key of this entry within its source: the guid, else the canonical link.</summary>
    public required string EntryKey { get; init; }
    /// <summary>The entry's guid as written, if it had one.</summary>
    public string? Guid { get; init; }
    /// <summary>Canonical permalink (lower-case scheme/host, no default port, fragment or tracking parameters).</summary>
    public required string Link { get; init; }
    /// <summary>Plain-text title.</summary>
    public required string Title { get; init; }
    /// <summary>Configured categories first, then the entry's own; no duplicates.</summary>
    public required IReadOnlyList<string> Categories { get; init; }
    /// <summary>Absolute URL of the thumbnail (the seed's headimg and thumbnail), or null.</summary>
    public string? Thumbnail { get; init; }
    public required string Author { get; init; }
    public bool Comments { get; init; }
    /// <summary>Published, else updated, else first seen; UTC.</summary>
    public required DateTimeOffset Published { get; init; }
    /// <summary>The entry's own updated time, when it gave one; UTC.</summary>
    public DateTimeOffset? Updated { get; init; }
    /// <summary>Sanitized HTML body with absolute URLs.</summary>
    public required string Body { get; init; }
    /// <summary>Plain-text summary of the body.</summary>
    public required string Summary { get; init; }
    /// <summary>Hash of the fields a reader sees; a change means the article was updated.</summary>
    public required string ContentHash { get; init; }
    /// <summary>Title reduced for cross-source matching (NFKC, no punctuation or bracketed prefixes).</summary>
    public required string TitleKey { get; init; }
    /// <summary>Near-duplicate fingerprint of the body text (SimHash).</summary>
    public required ulong BodyFingerprint { get; init; }
}
