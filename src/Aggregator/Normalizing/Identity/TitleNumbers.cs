using System.Globalization;

namespace Aggregator.Normalizing.Identity;

/// <summary>
/// The numbers of a title key ("收评沪指涨0.5" holds 0.5). Two titles whose numbers contradict
/// each other report different figures, so they are different stories ("沪指涨0.5%" vs "沪指跌0.3%",
/// "4月CPI" vs "3月CPI"). One title may round ("12%" for "12.5%") or leave numbers out; that is
/// no contradiction.
/// </summary>
internal static class TitleNumbers
{
    private const int MaxNumbers = 16;

    /// <summary>True when each title has a number the other cannot account for.</summary>
    public static bool Conflict(string left, string right)
    {
        Span<decimal> a = stackalloc decimal[MaxNumbers];
        Span<decimal> b = stackalloc decimal[MaxNumbers];
        Span<byte> aScale = stackalloc byte[MaxNumbers];
        Span<byte> bScale = stackalloc byte[MaxNumbers];
        var na = Extract(left, a, aScale);
        var nb = Extract(right, b, bScale);
        if (na == 0 || nb == 0)
            return false;
        return !Covered(a[..na], aScale, b[..nb], bScale) && !Covered(b[..nb], bScale, a[..na], aScale);
    }

    /// <summary>Every number of <paramref name="some"/> appears in <paramref name="all"/>, exactly or rounded.</summary>
    private static bool Covered(ReadOnlySpan<decimal> some, ReadOnlySpan<byte> someScale, ReadOnlySpan<decimal> all, ReadOnlySpan<byte> allScale)
    {
        for (var i = 0; i < some.Length; i++)
        {
            var found = false;
            for (var j = 0; j < all.Length && !found; j++)
                found = Agrees(some[i], someScale[i], all[j], allScale[j]);
            if (!found)
                return false;
        }

        return true;
    }

    private static bool Agrees(decimal x, byte xScale, decimal y, byte yScale)
    {
        if (x == y)
            return true;
        var (coarse, coarseScale, fine) = xScale <= yScale ? (x, xScale, y) : (y, yScale, x);
        return Math.Round(fine, coarseScale, MidpointRounding.AwayFromZero) == coarse
            || Math.Round(fine, coarseScale, MidpointRounding.ToZero) == coarse;
    }

    private static int Extract(string key, Span<decimal> numbers, Span<byte> scales)
    {
        var count = 0;
        var i = 0;
        while (i < key.Length && count < numbers.Length)
        {
            if (!char.IsAsciiDigit(key[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < key.Length && (char.IsAsciiDigit(key[i]) || key[i] == '.'))
                i++;
            var token = key.AsSpan(start, i - start).TrimEnd('.');
            if (decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                var dot = token.IndexOf('.');
                scales[count] = (byte)(dot < 0 ? 0 : token.Length - dot - 1);
                numbers[count++] = value;
            }
        }

        return count;
    }
}
