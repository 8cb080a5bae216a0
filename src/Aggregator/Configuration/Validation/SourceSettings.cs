namespace Aggregator.Configuration.Validation;

/// <summary>The per-source settings that <c>defaults</c> can give and each source can override.</summary>
internal sealed record SourceSettings
{
    /// <summary>What applies when neither the source nor <c>defaults</c> says otherwise.</summary>
    public static readonly SourceSettings BuiltIn = new();

    /// <summary>Every ten minutes, at second 0 (the product sketch's default).</summary>
    public string Schedule { get; init; } = "0 */10 * * * ?";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    public TimeZoneInfo? TimeZone { get; init; }
    public string? UserAgent { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public long MaxBytes { get; init; } = 15L * 1024 * 1024;
    public bool Comments { get; init; }
    public int Priority { get; init; } = 100;
    public bool IncludeEntryCategories { get; init; } = true;
}
