namespace Aggregator.Storage;

/// <summary>
/// One entry of a feed as a republish first reads it: enough to order and date the entry and to know
/// whether its rendered form is still good, without the body. The full article is fetched only when
/// the version is new to the publisher (<see cref="IArticleStore.GetArticlesAsync"/>).
/// </summary>
internal sealed record LatestArticleKey
{
    public required string ArticleId { get; init; }
    /// <summary>
    /// The store's row key of the article (opaque outside the store, 0 when a store does not use one):
    /// <see cref="IArticleStore.GetArticlesAsync"/> reads by it, so the SQLite store keeps no index on ids.
    /// </summary>
    public long Seq { get; init; }
    public required DateTimeOffset Published { get; init; }
    /// <summary>The entry's own updated time, when it gave one.</summary>
    public DateTimeOffset? Updated { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastChanged { get; init; }
    /// <summary>
    /// Opaque, compared for equality only: it changes whenever anything the published entry is made
    /// of changes (the content and its change time, the canonical copy, the categories, the other
    /// reports and the names and addresses of the sources involved).
    /// </summary>
    public required string Version { get; init; }
}
