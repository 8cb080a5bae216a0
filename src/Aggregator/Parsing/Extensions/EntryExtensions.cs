using Aggregator.Model;

namespace Aggregator.Parsing.Extensions;

/// <summary>What the namespaced extensions (content, dc, media, itunes, atom-in-RSS, wfw, feedburner) said about one entry or feed, as written.</summary>
internal sealed class EntryExtensions
{
    public string? ContentEncoded { get; set; }
    public List<string>? Creators { get; set; }
    public string? DcDate { get; set; }
    public string? DcModified { get; set; }
    public string? DcTitle { get; set; }
    public string? DcDescription { get; set; }
    public string? DcLanguage { get; set; }
    public List<string>? Subjects { get; set; }
    public List<MediaReference>? MediaThumbnails { get; set; }
    public List<MediaReference>? MediaContents { get; set; }
    public string? ItunesImage { get; set; }
    public string? ItunesAuthor { get; set; }
    /// <summary>atom:link rel=alternate inside RSS.</summary>
    public string? AtomAlternate { get; set; }
    /// <summary>atom:link rel=enclosure inside RSS.</summary>
    public List<MediaReference>? AtomEnclosures { get; set; }
    public string? AtomAuthor { get; set; }
    public string? AtomUpdated { get; set; }
    public string? AtomPublished { get; set; }
    public string? CommentsFeed { get; set; }
    public string? OrigLink { get; set; }
    public string? MediaTitle { get; set; }
    /// <summary>media:description and itunes:summary, plain text: the body of last resort (podcasts, video feeds).</summary>
    public string? PlainDescription { get; set; }
    /// <summary>xhtml:body: the full content as inline XHTML.</summary>
    public string? XhtmlBody { get; set; }
}
