using System.Globalization;

namespace Aggregator.Normalizing.Dates;

/// <summary>Reads the zone part of a date: <c>GMT</c>, <c>+0800</c>, <c>-01:01</c>, <c>GMT+8</c>, <c>Etc/GMT</c>, <c>EST</c>, <c>CST</c>…</summary>
internal static class ZoneToken
{
    /// <summary>RFC 822's names and feedparser's real-world additions, in hours east of UTC.</summary>
    private static readonly Dictionary<string, double> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ut"] = 0, ["utc"] = 0, ["gmt"] = 0, ["z"] = 0, ["etc/gmt"] = 0, ["etc/utc"] = 0,
        ["adt"] = -3, ["ast"] = -4, ["at"] = -4,
        ["edt"] = -4, ["est"] = -5, ["et"] = -5,
        ["cdt"] = -5, ["ct"] = -6,
        ["mdt"] = -6, ["mst"] = -7, ["mt"] = -7,
        ["pdt"] = -7, ["pst"] = -8, ["pt"] = -8,
        ["a"] = -1, ["n"] = 1, ["m"] = -12, ["y"] = 12,
        ["met"] = 1, ["mest"] = 2, ["cet"] = 1, ["cest"] = 2, ["bst"] = 1, ["eet"] = 2, ["eest"] = 3,
        ["hkt"] = 8, ["sgt"] = 8, ["awst"] = 8, ["jst"] = 9, ["kst"] = 9, ["aest"] = 10, ["aedt"] = 11,
    };

    /// <summary>Outcome of reading a zone token.</summary>
    internal enum Kind
    {
        NotAZone,
        Offset,
        Cst,
    }

    /// <summary>Reads <paramref name="token"/> as a zone; <see cref="Kind.NotAZone"/> when it is not one.</summary>
    public static Kind TryRead(string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (token.Length == 0)
            return Kind.NotAZone;
        if (token.Equals("cst", StringComparison.OrdinalIgnoreCase))
            return Kind.Cst;
        if (Names.TryGetValue(token, out var hours))
        {
            offset = TimeSpan.FromHours(hours);
            return Kind.Offset;
        }

        var signed = token;
        foreach (var prefix in (ReadOnlySpan<string>)["Etc/GMT", "GMT", "UTC", "UT"])
        {
            if (token.Length > prefix.Length && token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                signed = token[prefix.Length..];
                break;
            }
        }

        return TryReadSigned(signed, out offset) ? Kind.Offset : Kind.NotAZone;
    }

    /// <summary><c>+hh</c>, <c>+hhmm</c>, <c>+hh:mm</c>, <c>+h</c> (sign required); hours ≤ 14, minutes ≤ 59.</summary>
    public static bool TryReadSigned(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.Length < 2 || (text[0] != '+' && text[0] != '-'))
            return false;

        var body = text.AsSpan(1);
        int hours, minutes = 0;
        var colon = body.IndexOf(':');
        if (colon >= 0)
        {
            if (!ReadDigits(body[..colon], 1, 2, out hours) || !ReadDigits(body[(colon + 1)..], 2, 2, out minutes))
                return false;
        }
        else if (body.Length <= 2)
        {
            if (!ReadDigits(body, 1, 2, out hours))
                return false;
        }
        else if (body.Length == 4)
        {
            if (!ReadDigits(body[..2], 2, 2, out hours) || !ReadDigits(body[2..], 2, 2, out minutes))
                return false;
        }
        else
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
            return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
            offset = -offset;
        return true;
    }

    private static bool ReadDigits(ReadOnlySpan<char> text, int min, int max, out int value)
    {
        value = 0;
        if (text.Length < min || text.Length > max)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
