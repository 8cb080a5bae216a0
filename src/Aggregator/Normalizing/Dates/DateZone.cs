namespace Aggregator.Normalizing.Dates;

/// <summary>How a feed's dates without an explicit offset are read.</summary>
/// <param name="ZoneLess">The zone of dates that carry none.</param>
/// <param name="CstIsChina">Whether <c>CST</c> means China Standard Time (+08:00) rather than US Central (-06:00).</param>
internal sealed record DateZone(TimeZoneInfo ZoneLess, bool CstIsChina)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private static readonly TimeSpan UsCentralOffset = TimeSpan.FromHours(-6);

    public static DateZone Utc { get; } = new(TimeZoneInfo.Utc, false);

    /// <summary>The instant <paramref name="date"/> names in this zone, or null when it is out of range.</summary>
    public DateTimeOffset? Resolve(FeedDate date)
    {
        try
        {
            var offset = date.IsCst
                ? (CstIsChina ? ChinaOffset : UsCentralOffset)
                : date.Offset ?? OffsetOf(date.Wall);
            return new DateTimeOffset(DateTime.SpecifyKind(date.Wall, DateTimeKind.Unspecified), offset).ToUniversalTime();
        }
        catch (ArgumentException)
        {
            // Year 1 minus an offset, or year 9999 plus one: not an instant we can store.
            return null;
        }
    }

    private TimeSpan OffsetOf(DateTime wall)
    {
        // A wall time skipped by a daylight-saving jump has no offset of its own: use the standard one.
        if (ZoneLess.IsInvalidTime(wall))
            return ZoneLess.BaseUtcOffset;
        return ZoneLess.GetUtcOffset(wall);
    }
}
