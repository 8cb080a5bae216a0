namespace Aggregator.Normalizing.Dates;

/// <summary>
/// A date as read from a feed, before a time zone is applied: the wall-clock time as written, the
/// offset when the text carried one, and whether the zone was the ambiguous <c>CST</c>.
/// </summary>
/// <param name="Wall">The date and time as written (kind unspecified).</param>
/// <param name="Offset">The explicit UTC offset, or null for a zone-less date (and for <c>CST</c>).</param>
/// <param name="IsCst">The zone was written <c>CST</c>: China Standard Time on Chinese sites, US Central elsewhere.</param>
internal readonly record struct FeedDate(DateTime Wall, TimeSpan? Offset, bool IsCst = false)
{
    public static FeedDate WithOffset(DateTime wall, TimeSpan offset) => new(wall, offset);

    public static FeedDate ZoneLess(DateTime wall) => new(wall, null);
}
