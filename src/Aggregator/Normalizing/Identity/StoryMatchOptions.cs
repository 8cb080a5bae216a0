namespace Aggregator.Normalizing.Identity;

/// <summary>Thresholds of the cross-source story match (configurable in feeds.json later).</summary>
internal sealed record StoryMatchOptions
{
    /// <summary>Two reports of one story are published within this window of each other.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(48);
    /// <summary>Bodies whose SimHashes differ in at most this many bits are near-duplicates.</summary>
    public int MaxFingerprintDistance { get; init; } = 10;
    /// <summary>Title keys shorter than this are too generic ("收评") to match on the title alone.</summary>
    public int MinTitleKeyLength { get; init; } = 8;
}
