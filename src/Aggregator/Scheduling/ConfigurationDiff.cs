using Aggregator.Model;

namespace Aggregator.Scheduling;

/// <summary>
/// What changed between two valid configurations, so a reload applies only that. Sources are
/// compared as the scheduler sees them: a source that is disabled (or missing) is not scheduled, so
/// enabling one counts as added and disabling one as removed. Categories are compared by slug,
/// because the slug is the published URL.
/// </summary>
internal sealed record ConfigurationDiff
{
    /// <summary>Sources to schedule (new, or newly enabled).</summary>
    public IReadOnlyList<SourceDefinition> Added { get; init; } = [];
    /// <summary>Ids of sources to unschedule (gone, or disabled); their articles stay in the store.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];
    /// <summary>Scheduled sources whose schedule changed (new definition).</summary>
    public IReadOnlyList<SourceDefinition> Rescheduled { get; init; } = [];
    /// <summary>Scheduled sources with any other setting changed (new definition); may overlap <see cref="Rescheduled"/>.</summary>
    public IReadOnlyList<SourceDefinition> Changed { get; init; } = [];
    public IReadOnlyList<CategoryDefinition> CategoriesAdded { get; init; } = [];
    public IReadOnlyList<CategoryDefinition> CategoriesRemoved { get; init; } = [];
    public IReadOnlyList<CategoryRename> CategoriesRenamed { get; init; } = [];
    public bool SiteChanged { get; init; }
    /// <summary>The fetch limits changed: they are fixed when the fetcher is built, so this needs a restart.</summary>
    public bool FetchLimitsChanged { get; init; }

    public bool CategoriesChanged => CategoriesAdded.Count + CategoriesRemoved.Count + CategoriesRenamed.Count > 0;

    /// <summary>Whether the published feeds may differ even before the next poll.</summary>
    public bool NeedsPublish => SiteChanged || CategoriesChanged;

    public bool IsEmpty =>
        Added.Count + Removed.Count + Rescheduled.Count + Changed.Count == 0 && !CategoriesChanged && !SiteChanged && !FetchLimitsChanged;

    /// <summary>The difference from <paramref name="before"/> to <paramref name="after"/>; null before means "nothing was running".</summary>
    public static ConfigurationDiff Between(AggregatorSettings? before, AggregatorSettings after)
    {
        var old = Scheduled(before);
        var now = Scheduled(after);
        var oldCategories = (before?.Categories ?? []).ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var newCategories = after.Categories.ToDictionary(c => c.Slug, StringComparer.Ordinal);

        return new ConfigurationDiff
        {
            Added = now.Values.Where(s => !old.ContainsKey(s.Id)).ToList(),
            Removed = old.Keys.Where(id => !now.ContainsKey(id)).ToList(),
            Rescheduled = now.Values.Where(s => old.TryGetValue(s.Id, out var o) && o.Schedule != s.Schedule).ToList(),
            Changed = now.Values.Where(s => old.TryGetValue(s.Id, out var o) && !SameApartFromSchedule(o, s)).ToList(),
            CategoriesAdded = after.Categories.Where(c => !oldCategories.ContainsKey(c.Slug)).ToList(),
            CategoriesRemoved = (before?.Categories ?? []).Where(c => !newCategories.ContainsKey(c.Slug)).ToList(),
            CategoriesRenamed = after.Categories
                .Where(c => oldCategories.TryGetValue(c.Slug, out var o) && o.Name != c.Name)
                .Select(c => new CategoryRename(c.Slug, oldCategories[c.Slug].Name, c.Name))
                .ToList(),
            SiteChanged = before is not null && before.Site != after.Site,
            FetchLimitsChanged = before is not null
                && (before.MaxConcurrentFetches != after.MaxConcurrentFetches || before.MaxConcurrentFetchesPerHost != after.MaxConcurrentFetchesPerHost),
        };
    }

    private static Dictionary<string, SourceDefinition> Scheduled(AggregatorSettings? settings) =>
        (settings?.Sources ?? []).Where(s => s.Enabled).ToDictionary(s => s.Id, StringComparer.Ordinal);

    /// <summary>
    /// Record equality covers every scalar field (and any added later); the collections are compared
    /// by content here, since each load builds new list and dictionary instances.
    /// </summary>
    private static bool SameApartFromSchedule(SourceDefinition before, SourceDefinition after) =>
        before.Categories.SequenceEqual(after.Categories, StringComparer.Ordinal)
        && SameHeaders(before.Headers, after.Headers)
        && before with { Categories = after.Categories, Headers = after.Headers, Schedule = after.Schedule } == after;

    private static bool SameHeaders(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Count == after.Count
        && before.All(header => after.TryGetValue(header.Key, out var value) && value == header.Value);
}
