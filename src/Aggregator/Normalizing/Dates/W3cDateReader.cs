using System.Text.RegularExpressions;

namespace Aggregator.Normalizing.Dates;

/// <summary>
/// W3C-DTF / RFC 3339 and the variants sites write: a space instead of <c>T</c>, slashes, no seconds,
/// fractional seconds, a zone after a space, <c>CST</c>, a zero-padded three-digit month.
/// </summary>
internal static partial class W3cDateReader
{
    [GeneratedRegex(
        @"^(?<y>\d{4})(?:(?<sep>[-/])(?<m>0?\d{1,2})(?:\k<sep>(?<d>\d{1,2}))?)?" +
        @"(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*" +
        @"(?<z>Z|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|GMT|UTC|CST)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Extended();

    [GeneratedRegex(
        @"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})(?:T(?<h>\d{2})(?<mi>\d{2})(?<s>\d{2})?(?:[.,]\d+)?(?<z>Z|[+-]\d{2}:?\d{2})?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Basic();

    public static bool TryRead(string text, out FeedDate date)
    {
        date = default;
        var match = Extended().Match(text);
        if (!match.Success)
            match = Basic().Match(text);
        if (!match.Success)
            return false;

        var g = match.Groups;
        return DateParts.TryBuild(DateParts.Int(g["y"]), DateParts.Int(g["m"], 1), DateParts.Int(g["d"], 1),
                   DateParts.Int(g["h"]), DateParts.Int(g["mi"]), DateParts.Int(g["s"]), out var wall)
               && DateParts.TryWithZone(wall, g["z"], out date);
    }
}
