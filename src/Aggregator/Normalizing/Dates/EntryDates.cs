namespace Aggregator.Normalizing.Dates;

/// <summary>An entry's dates as the article model wants them: UTC, published never missing, nothing in the future.</summary>
/// <param name="Published">Published, else updated, else first seen.</param>
/// <param name="Updated">The entry's own updated time, when it gave a readable one.</param>
internal readonly record struct EntryDates(DateTimeOffset Published, DateTimeOffset? Updated)
{
    /// <summary>Clock skew we accept before calling a date "in the future".</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    public static EntryDates Resolve(FeedDate? published, FeedDate? updated, DateZone zone, DateTimeOffset seenAt)
    {
        var seen = seenAt.ToUniversalTime();
        var updatedUtc = Clamp(updated is { } u ? zone.Resolve(u) : null, seen);
        var publishedUtc = Clamp(published is { } p ? zone.Resolve(p) : null, seen) ?? updatedUtc ?? seen;
        return new EntryDates(publishedUtc, updatedUtc);
    }

    // A date beyond the tolerance is a wrong zone or a scheduled post; pinning it to first-seen keeps
    // it from sitting on top of every merged feed until that day comes.
    private static DateTimeOffset? Clamp(DateTimeOffset? date, DateTimeOffset seenAt) =>
        date is { } d && d > seenAt + FutureTolerance ? seenAt : date;
}
