using Aggregator.Parsing.Extensions;

namespace Aggregator.Parsing.Rss;

/// <summary>An RSS channel as written; items are added as each one closes, so a truncated document keeps the whole ones.</summary>
internal sealed class RssChannel
{
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Language { get; set; }
    public string? ManagingEditor { get; set; }
    public EntryExtensions Extensions { get; } = new();
    public List<RssItem> Items { get; } = [];
}
