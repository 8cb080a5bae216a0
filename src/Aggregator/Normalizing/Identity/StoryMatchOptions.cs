namespace Aggregator.Normalizing.Identity;

/// <summary>
/// Thresholds of the cross-source story match (configurable in feeds.json later). Distances count
/// differing bits of the 40-bit wording SimHash (<see cref="StoryIdentity.Distance"/>): 0 for one wire
/// copy under different prefixes and bylines, 4–12 for a copy with a paragraph added or cut, 7–16
/// for an edited copy, about 20 for unrelated texts (17 and up for the labelled set's non-duplicates).
/// </summary>
internal sealed record StoryMatchOptions
{
    /// <summary>Two reports of one story are published within this window of each other.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Bodies this close are one text copied: the same story whatever the titles say.</summary>
    public int NearIdenticalDistance { get; init; } = 2;

    /// <summary>Bodies whose SimHashes differ in at most this many bits are near-duplicates (edited, extended).</summary>
    public int MaxFingerprintDistance { get; init; } = 12;

    /// <summary>With matching titles, bodies may differ this much (one source summarises, another adds paragraphs) but no more.</summary>
    public int TitleMatchMaxDistance { get; init; } = 16;

    /// <summary>Character-bigram Jaccard of two title keys at or above which the titles say the same thing.</summary>
    public double TitleSimilarity { get; init; } = 0.6;

    /// <summary>Near-duplicate bodies also need titles sharing at least this bigram Jaccard (a rewritten title still shares words).</summary>
    public double MinTitleOverlapForBodyMatch { get; init; } = 0.1;

    /// <summary>Title keys with fewer letters than this (digits aside) are too generic ("收评") to match on the title.</summary>
    public int MinTitleKeyLength { get; init; } = 6;
}
