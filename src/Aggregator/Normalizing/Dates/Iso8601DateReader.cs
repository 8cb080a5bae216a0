using System.Text.RegularExpressions;

namespace Aggregator.Normalizing.Dates;

/// <summary>
/// The truncated ISO 8601:1988 forms feedparser still reads: two-digit years (<c>031231</c>,
/// <c>03-12-31</c>, <c>-0312</c>), ordinal days (<c>03335</c>, <c>2003-335</c>).
/// </summary>
internal static partial class Iso8601DateReader
{
    [GeneratedRegex(@"^(?<y>\d{2})-?(?<m>\d{2})-?(?<d>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYearMonthDay();

    [GeneratedRegex(@"^-(?<y>\d{2})-?(?<m>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYearMonth();

    [GeneratedRegex(@"^(?<y>\d{2}|\d{4})-?(?<o>\d{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    public static bool TryRead(string text, out FeedDate date)
    {
        // The complete forms are W3C-DTF's; this reader adds the truncated ones.
        if (W3cDateReader.TryRead(text, out date))
            return true;

        DateTime wall;
        var match = ShortYearMonthDay().Match(text);
        if (match.Success)
        {
            if (!DateParts.TryBuild(ShortYear(match), DateParts.Int(match.Groups["m"]), DateParts.Int(match.Groups["d"]), 0, 0, 0, out wall))
                return false;
            date = FeedDate.ZoneLess(wall);
            return true;
        }

        match = ShortYearMonth().Match(text);
        if (match.Success)
        {
            if (!DateParts.TryBuild(ShortYear(match), DateParts.Int(match.Groups["m"]), 1, 0, 0, 0, out wall))
                return false;
            date = FeedDate.ZoneLess(wall);
            return true;
        }

        match = Ordinal().Match(text);
        if (!match.Success)
            return false;
        var year = match.Groups["y"].Length == 2 ? ShortYear(match) : DateParts.Int(match.Groups["y"]);
        var dayOfYear = DateParts.Int(match.Groups["o"]);
        if (dayOfYear < 1 || dayOfYear > (DateTime.IsLeapYear(year) ? 366 : 365))
            return false;
        date = FeedDate.ZoneLess(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(dayOfYear - 1));
        return true;
    }

    // ISO 8601 reads a two-digit year as one of the current century (feedparser does the same).
    private static int ShortYear(Match match) => 2000 + DateParts.Int(match.Groups["y"]);
}
