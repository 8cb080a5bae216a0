namespace Aggregator.Publishing.Atom;

/// <summary>
/// One document of a merged feed. Feeds follow the RFC 5005 "paged feed" model (section 3): page 1 is
/// the subscription document, each page links first/previous/next/last. Pages are not archives (they
/// shift as new entries arrive), so no fh:archive and no prev-archive links.
/// </summary>
internal sealed record AtomFeedPage
{
    /// <summary>The feed's atom:id, the same on every page of one feed.</summary>
    public required string FeedId { get; init; }
    public required string Title { get; init; }
    public required string Author { get; init; }
    public required Uri Self { get; init; }
    /// <summary>The site's HTML index page.</summary>
    public required Uri Alternate { get; init; }
    public required Uri First { get; init; }
    public Uri? Previous { get; init; }
    public Uri? Next { get; init; }
    public required Uri Last { get; init; }
    /// <summary>The feed's atom:updated: its newest entry's updated time, or a fixed instant when it has none.</summary>
    public required DateTimeOffset Updated { get; init; }
    /// <summary>The rendered entries (see <see cref="AtomEntryWriter.Render"/>), newest first.</summary>
    public required IReadOnlyList<ReadOnlyMemory<byte>> Entries { get; init; }
}
