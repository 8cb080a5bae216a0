using System.Globalization;
using System.Text.RegularExpressions;

namespace Aggregator.Normalizing.Dates;

/// <summary>Turns the numbered parts the readers matched into a <see cref="FeedDate"/>, rejecting impossible values.</summary>
internal static class DateParts
{
    /// <summary>Builds the date; false when a field is out of range (25 hours, 61 minutes, 31 February…).</summary>
    public static bool TryBuild(int year, int month, int day, int hour, int minute, int second, out DateTime wall)
    {
        wall = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60)
            return false;

        // A leap second is read as the last second of its minute.
        wall = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Two-digit years are this century's below 50, the last century's from 50 (RFC 2822 §4.3 reads them alike).</summary>
    public static int ExpandYear(int year, int digits) => digits > 2 ? year : year < 50 ? 2000 + year : 1900 + year;

    /// <summary>Integer value of a matched group, or <paramref name="fallback"/> when it did not take part.</summary>
    public static int Int(Group group, int fallback = 0) =>
        group.Success ? int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Applies a matched zone group: none, an offset, or <c>CST</c>; false when the zone is garbage.</summary>
    public static bool TryWithZone(DateTime wall, Group zone, out FeedDate date)
    {
        date = FeedDate.ZoneLess(wall);
        if (!zone.Success || zone.Length == 0)
            return true;

        switch (ZoneToken.TryRead(zone.Value, out var offset))
        {
            case ZoneToken.Kind.Offset:
                date = FeedDate.WithOffset(wall, offset);
                return true;
            case ZoneToken.Kind.Cst:
                date = new FeedDate(wall, null, IsCst: true);
                return true;
            default:
                return false;
        }
    }
}
