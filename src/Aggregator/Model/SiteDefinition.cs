namespace Aggregator.Model;

/// <summary>Site-level settings of feeds.json: what the published feeds say about themselves.</summary>
internal sealed record SiteDefinition
{
    public required string Title { get; init; }
    /// <summary>Absolute base URL the published paths hang off; always ends with a slash.</summary>
    public required Uri BaseUrl { get; init; }
    public string? Author { get; init; }
    /// <summary>Newest entries per published feed.</summary>
    public int EntriesPerFeed { get; init; } = 100;
}
