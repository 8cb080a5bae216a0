using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Normalizing.Dates;

/// <summary>
/// Non-English month and day names feedparser reads: Greek RFC 822 (<c>Κυρ, 11 Ιούλ 2004 12:00:00 EST</c>)
/// and Hungarian W3C-DTF (<c>2004-július-13T9:15-05:00</c>).
/// </summary>
internal static partial class EuropeanDateReader
{
    private static readonly Dictionary<string, string> GreekNames = new(StringComparer.Ordinal)
    {
        ["Ιαν"] = "Jan", ["Φεβ"] = "Feb", ["Μάώ"] = "Mar", ["Μαώ"] = "Mar", ["Μάρ"] = "Mar", ["Μαρ"] = "Mar",
        ["Απρ"] = "Apr", ["Μάι"] = "May", ["Μαϊ"] = "May", ["Μαι"] = "May", ["Μάϊ"] = "May",
        ["Ιούν"] = "Jun", ["Ιον"] = "Jun", ["Ιούλ"] = "Jul", ["Ιολ"] = "Jul", ["Αύγ"] = "Aug", ["Αυγ"] = "Aug",
        ["Σεπ"] = "Sep", ["Οκτ"] = "Oct", ["Νοέ"] = "Nov", ["Νοε"] = "Nov", ["Δεκ"] = "Dec",
        ["Κυρ"] = "Sun", ["Δευ"] = "Mon", ["Τρι"] = "Tue", ["Τετ"] = "Wed", ["Πεμ"] = "Thu", ["Παρ"] = "Fri", ["Σαβ"] = "Sat",
    };

    private static readonly string[] HungarianMonths =
        ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"];

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\p{L}+)-(?<d>\d{1,2})T(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?<z>Z|[+-]\d{1,2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Hungarian();

    public static bool TryRead(string text, out FeedDate date)
    {
        date = default;
        var match = Hungarian().Match(text);
        if (match.Success)
        {
            var month = Array.IndexOf(HungarianMonths, match.Groups["m"].Value.ToLowerInvariant()) + 1;
            var g = match.Groups;
            return month > 0
                && DateParts.TryBuild(DateParts.Int(g["y"]), month, DateParts.Int(g["d"]), DateParts.Int(g["h"]), DateParts.Int(g["mi"]), DateParts.Int(g["s"]), out var wall)
                && DateParts.TryWithZone(wall, g["z"], out date);
        }

        if (!ContainsGreek(text))
            return false;
        var english = new StringBuilder(text.Length);
        foreach (var part in text.Split(' '))
        {
            var word = part.TrimEnd(',');
            english.Append(GreekNames.TryGetValue(word, out var name) ? name + part[word.Length..] : part).Append(' ');
        }

        return EnglishDateReader.TryRead(english.ToString(), out date);
    }

    private static bool ContainsGreek(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0370' and <= '\u03FF')
                return true;
        }

        return false;
    }
}
