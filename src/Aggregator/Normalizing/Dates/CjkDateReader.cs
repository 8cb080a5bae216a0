using System.Text.RegularExpressions;

namespace Aggregator.Normalizing.Dates;

/// <summary>
/// Chinese and Korean site forms: <c>2021年05月13日 20:34</c>, <c>2021年5月13日</c>,
/// <c>20时34分</c>; OnBlog's <c>2004년 05월 28일  01:31:15</c> and Nate's
/// <c>2004-05-25 오후 11:23:17</c> (both Korea Standard Time, as feedparser reads them).
/// </summary>
internal static partial class CjkDateReader
{
    private static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    [GeneratedRegex(
        @"^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]?\s*" +
        @"(?:(?<h>\d{1,2})\s*[:：时時点點]\s*(?<mi>\d{1,2})\s*(?:分\s*)?(?:[:：]?\s*(?<s>\d{1,2})\s*秒?)?)?\s*" +
        @"(?<z>(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|GMT|UTC|CST)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<y>\d{4})년\s*(?<m>\d{1,2})월\s*(?<d>\d{1,2})일\s*(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OnBlog();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})\s+(?<ampm>오전|오후)\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Nate();

    public static bool TryRead(string text, out FeedDate date)
    {
        date = default;
        var match = Chinese().Match(text);
        if (match.Success)
            return Build(match, 0, out var wall) && DateParts.TryWithZone(wall, match.Groups["z"], out date);

        match = OnBlog().Match(text);
        var hourShift = 0;
        if (!match.Success)
        {
            match = Nate().Match(text);
            if (!match.Success)
                return false;
            var hour = DateParts.Int(match.Groups["h"]);
            if (hour is < 1 or > 12)
                return false;
            // 오전 is AM, 오후 PM: 12 오전 is midnight, 12 오후 noon.
            hourShift = (match.Groups["ampm"].Value == "오후" ? 12 : 0) - (hour == 12 ? 12 : 0);
        }

        if (!Build(match, hourShift, out var korean))
            return false;
        date = FeedDate.WithOffset(korean, KoreaOffset);
        return true;
    }

    private static bool Build(Match match, int hourShift, out DateTime wall)
    {
        var g = match.Groups;
        return DateParts.TryBuild(DateParts.Int(g["y"]), DateParts.Int(g["m"]), DateParts.Int(g["d"]),
            DateParts.Int(g["h"]) + hourShift, DateParts.Int(g["mi"]), DateParts.Int(g["s"]), out wall);
    }
}
