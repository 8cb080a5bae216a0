using System.Globalization;

namespace Aggregator.Normalizing.Dates;

/// <summary>
/// RFC 822 and its real-world variants, read token by token so the order may vary: optional
/// weekday, day and month either way round (<c>Thu Aug 30 2012</c>, asctime's <c>Sun Jan  4 16:29:06 2004</c>),
/// full month names, two-digit years, missing seconds or time, stray commas, a slashed date
/// (Perforce's <c>2006/09/15</c>), AM/PM, and zones as names, offsets or <c>GMT+hh:mm</c>.
/// </summary>
internal static class EnglishDateReader
{
    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static bool TryRead(string text, out FeedDate date)
    {
        date = default;
        var tokens = StripComments(text).Replace(',', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
            return false;

        int month = 0, year = 0, day = 0, hour = 0, minute = 0, second = 0, yearDigits = 0;
        bool haveTime = false, haveSlashedDate = false;
        TimeSpan? offset = null;
        var isCst = false;
        var numbers = new List<string>(2);

        foreach (var raw in tokens)
        {
            var token = raw.TrimEnd('.');
            if (token.Length == 0)
                continue;
            if (char.IsAsciiLetter(token[0]) && IsPrefixOf(token, Weekdays, 3) >= 0)
                continue;
            if (month == 0 && char.IsAsciiLetter(token[0]) && IsPrefixOf(token, Months, 3) is var m and >= 0)
            {
                month = m + 1;
                continue;
            }

            if (haveTime && (token.Equals("am", StringComparison.OrdinalIgnoreCase) || token.Equals("pm", StringComparison.OrdinalIgnoreCase)))
            {
                if (hour is < 1 or > 12)
                    return false;
                hour = hour % 12 + (token.Equals("pm", StringComparison.OrdinalIgnoreCase) ? 12 : 0);
                continue;
            }

            if (char.IsAsciiDigit(token[0]) && token.Contains(':'))
            {
                if (haveTime || !TryReadTime(token, out hour, out minute, out second))
                    return false;
                haveTime = true;
                continue;
            }

            if (char.IsAsciiDigit(token[0]) && token.Contains('/'))
            {
                if (haveSlashedDate || !TryReadSlashedDate(token, out year, out month, out day))
                    return false;
                haveSlashedDate = true;
                yearDigits = 4;
                continue;
            }

            if (token.All(char.IsAsciiDigit))
            {
                numbers.Add(token);
                continue;
            }

            if (offset is not null || isCst)
                return false;
            switch (ZoneToken.TryRead(token, out var zone))
            {
                case ZoneToken.Kind.Offset:
                    offset = zone;
                    break;
                case ZoneToken.Kind.Cst:
                    isCst = true;
                    break;
                default:
                    return false;
            }
        }

        if (!haveSlashedDate)
        {
            // Day first, year second, whatever side of the month they stand on.
            if (month == 0 || numbers.Count != 2 || numbers[0].Length > 2 || numbers[1].Length is not (2 or 4))
                return false;
            day = int.Parse(numbers[0], CultureInfo.InvariantCulture);
            year = int.Parse(numbers[1], CultureInfo.InvariantCulture);
            yearDigits = numbers[1].Length;
        }
        else if (numbers.Count != 0)
        {
            return false;
        }

        if (!DateParts.TryBuild(DateParts.ExpandYear(year, yearDigits), month, day, hour, minute, second, out var wall))
            return false;
        date = new FeedDate(wall, offset, isCst);
        return true;
    }

    /// <summary>Index of the name <paramref name="token"/> abbreviates (at least <paramref name="minimum"/> letters), or -1.</summary>
    private static int IsPrefixOf(string token, string[] names, int minimum)
    {
        if (token.Length < minimum)
            return -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].StartsWith(token, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        // "Sept", "Thur", "Tues" are common abbreviations that are still prefixes; anything else is not a name.
        return -1;
    }

    private static bool TryReadTime(string token, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3)
            return false;
        var last = parts[^1];
        var dot = last.IndexOf('.');
        if (dot >= 0)
            parts[^1] = last[..dot];
        foreach (var part in parts)
        {
            if (part.Length is < 1 or > 2 || !part.All(char.IsAsciiDigit))
                return false;
        }

        hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        minute = int.Parse(parts[1], CultureInfo.InvariantCulture);
        second = parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        return true;
    }

    private static bool TryReadSlashedDate(string token, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var parts = token.Split('/');
        return parts.Length == 3 && parts[0].Length == 4
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out day);
    }

    /// <summary>RFC 822 allows comments in parentheses (<c>+0800 (CST)</c>); they carry nothing we read.</summary>
    private static string StripComments(string text)
    {
        var open = text.IndexOf('(');
        if (open < 0)
            return text;
        var close = text.IndexOf(')', open);
        return close < 0 ? text[..open] : StripComments(text[..open] + " " + text[(close + 1)..]);
    }
}
