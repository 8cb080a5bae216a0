namespace Aggregator.Model;

/// <summary>One source of feeds.json after validation and after the site defaults were applied.</summary>
internal sealed record SourceDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Uri Url { get; init; }
    /// <summary>Configured categories in the admin's order (domain, source name, channel in the seed).</summary>
    public required IReadOnlyList<string> Categories { get; init; }
    /// <summary>Quartz cron expression (seconds first).</summary>
    public required string Schedule { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>Zone for dates that carry none; null means "infer from the feed".</summary>
    public TimeZoneInfo? TimeZone { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string? UserAgent { get; init; }
    /// <summary>The seed's <c>comments</c> front-matter value.</summary>
    public bool Comments { get; init; }
    /// <summary>Lower wins: the canonical copy of a story reported by several sources.</summary>
    public int Priority { get; init; } = 100;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    public long MaxBytes { get; init; } = 15L * 1024 * 1024;
    /// <summary>Whether the entry's own categories follow the configured ones.</summary>
    public bool IncludeEntryCategories { get; init; } = true;
}
