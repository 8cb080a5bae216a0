using Aggregator.Model;

namespace Aggregator.Normalizing.Dates;

/// <summary>
/// Decides how one feed's zone-less dates and <c>CST</c> are read: the source's configured zone,
/// else what the feed says about itself (a zh-* language means China; else the offset its other
/// dates carry), else UTC.
/// </summary>
internal static class FeedZoneInference
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Asia/Shanghai from the system's zone database, or a fixed +08:00 where there is none.</summary>
    public static TimeZoneInfo China { get; } = FindChina();

    /// <summary>The zone for <paramref name="feed"/>, parsing its entries' dates to find their usual offset.</summary>
    public static DateZone For(ParsedFeed feed, SourceDefinition source) =>
        For(feed, source, feed.Entries.SelectMany(e => new[] { FeedDateParser.Parse(e.Published), FeedDateParser.Parse(e.Updated) }));

    /// <summary>The zone for <paramref name="feed"/>, given its entries' dates already parsed.</summary>
    public static DateZone For(ParsedFeed feed, SourceDefinition source, IEnumerable<FeedDate?> dates)
    {
        var chineseLanguage = IsChinese(feed.Language);
        if (source.TimeZone is { } configured)
            return new DateZone(configured, chineseLanguage || configured.BaseUtcOffset == ChinaOffset);
        if (chineseLanguage)
            return new DateZone(China, true);

        if (MostCommonOffset(dates) is { } offset)
        {
            var zone = offset == TimeSpan.Zero ? TimeZoneInfo.Utc : FixedZone(offset);
            return new DateZone(zone, offset == ChinaOffset);
        }

        return DateZone.Utc;
    }

    /// <summary>zh, zh-CN, zh-cn, zh_TW, zh-Hans…</summary>
    public static bool IsChinese(string? language) =>
        language is { } lang
        && lang.Trim().StartsWith("zh", StringComparison.OrdinalIgnoreCase)
        && (lang.Trim().Length == 2 || lang.Trim()[2] is '-' or '_');

    /// <summary>The explicit offset most of the feed's dates carry (ties: the first met), or null when none carries one.</summary>
    private static TimeSpan? MostCommonOffset(IEnumerable<FeedDate?> dates)
    {
        var counts = new Dictionary<TimeSpan, int>();
        TimeSpan? best = null;
        var bestCount = 0;
        foreach (var date in dates)
        {
            if (date is not { Offset: { } offset })
                continue;
            var count = counts[offset] = counts.GetValueOrDefault(offset) + 1;
            if (count > bestCount)
            {
                best = offset;
                bestCount = count;
            }
        }

        return best;
    }

    private static TimeZoneInfo FixedZone(TimeSpan offset)
    {
        var name = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
        return TimeZoneInfo.CreateCustomTimeZone("UTC" + name, offset, "UTC" + name, "UTC" + name);
    }

    private static TimeZoneInfo FindChina()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", ChinaOffset, "China Standard Time", "China Standard Time");
        }
    }
}
