using Aggregator.Model;

namespace Aggregator.Storage;

/// <summary>An articles row joined with its canonical source, as Dapper reads it.</summary>
internal sealed class ArticleRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string CanonicalLink { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string EntryKey { get; set; } = "";
    public string? Guid { get; set; }
    public string Title { get; set; } = "";
    public string TitleKey { get; set; } = "";
    public string Author { get; set; } = "";
    public long Published { get; set; }
    public long? Updated { get; set; }
    public long FirstSeen { get; set; }
    public long LastChanged { get; set; }
    public string? Thumbnail { get; set; }
    public string Body { get; set; } = "";
    public string Summary { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public long Fingerprint { get; set; }
    public long Comments { get; set; }
    public string SourceTitle { get; set; } = "";
    public string SourceUrl { get; set; } = "";

    public PublishedArticle ToPublished(IReadOnlyList<string> categories, IReadOnlyList<RelatedReport> alsoReportedBy) => new()
    {
        ArticleId = Id,
        Article = new Article
        {
            SourceId = SourceId,
            EntryKey = EntryKey,
            Guid = Guid,
            Link = CanonicalLink,
            Title = Title,
            Categories = categories,
            Thumbnail = Thumbnail,
            Author = Author,
            Comments = Comments != 0,
            Published = ArticleKeys.FromStored(Published),
            Updated = ArticleKeys.FromStored(Updated),
            Body = Body,
            Summary = Summary,
            ContentHash = ContentHash,
            TitleKey = TitleKey,
            BodyFingerprint = unchecked((ulong)Fingerprint),
        },
        SourceTitle = SourceTitle,
        SourceUrl = new Uri(SourceUrl),
        FirstSeen = ArticleKeys.FromStored(FirstSeen),
        LastChanged = ArticleKeys.FromStored(LastChanged),
        AlsoReportedBy = alsoReportedBy,
    };
}
