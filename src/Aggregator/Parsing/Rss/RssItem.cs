using Aggregator.Model;
using Aggregator.Parsing.Extensions;

namespace Aggregator.Parsing.Rss;

/// <summary>An RSS item (0.9x, 1.0 or 2.0) as written: the XML shape, before mapping.</summary>
internal sealed class RssItem
{
    public string? About { get; set; }
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    public string? Guid { get; set; }
    public bool GuidIsPermaLink { get; set; } = true;
    public string? PubDate { get; set; }
    public string? Author { get; set; }
    public List<string>? Categories { get; set; }
    public string? Comments { get; set; }
    public List<MediaReference>? Enclosures { get; set; }
    public string? SourceTitle { get; set; }
    /// <summary>xhtml:body, body or fullitem: full content written without content:encoded.</summary>
    public string? Body { get; set; }
    /// <summary>An Atom-style id written into RSS without a namespace.</summary>
    public string? Id { get; set; }
    public string? Updated { get; set; }
    public string? BaseUri { get; set; }
    public EntryExtensions Extensions { get; } = new();
}
