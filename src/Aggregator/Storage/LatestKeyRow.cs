namespace Aggregator.Storage;

/// <summary>A light row of a feed (no body), as Dapper reads it from either store.</summary>
internal sealed class LatestKeyRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public long Published { get; set; }
    public long? Updated { get; set; }
    public long FirstSeen { get; set; }
    public long LastChanged { get; set; }
    public string Version { get; set; } = "";

    public LatestArticleKey ToKey() => new()
    {
        ArticleId = Id,
        Seq = Seq,
        Published = ArticleKeys.FromStored(Published),
        Updated = ArticleKeys.FromStored(Updated),
        FirstSeen = ArticleKeys.FromStored(FirstSeen),
        LastChanged = ArticleKeys.FromStored(LastChanged),
        Version = Version,
    };
}
