namespace Aggregator.Normalizing.Identity;

/// <summary>Allocation-free span tests used by <see cref="StoryText"/>: ASCII-case-insensitive name matches and punctuation classes.</summary>
internal static class SpanText
{
    public static bool StartsWithAny(ReadOnlySpan<char> text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (StartsWithLower(text, prefix))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> starts with <paramref name="lower"/>, a lower-case name, ignoring
    /// ASCII case. Names are ASCII or CJK, so this is exact, and it avoids the culture-aware slow path
    /// that OrdinalIgnoreCase takes on non-ASCII text.
    /// </summary>
    public static bool StartsWithLower(ReadOnlySpan<char> text, string lower)
    {
        if (text.Length < lower.Length)
            return false;
        for (var i = 0; i < lower.Length; i++)
        {
            var c = text[i];
            if (c is >= 'A' and <= 'Z')
                c = (char)(c | 0x20);
            if (c != lower[i])
                return false;
        }

        return true;
    }

    /// <summary>
    /// The last position where <paramref name="text"/> continues with <paramref name="lower"/> (as
    /// <see cref="StartsWithLower"/> compares), or -1. Candidates are found by a vectorized search for the
    /// name's first character (either ASCII case), not by a comparison at every position.
    /// </summary>
    public static int LastIndexOfLower(ReadOnlySpan<char> text, string lower)
    {
        var first = lower[0];
        var upper = first is >= 'a' and <= 'z' ? (char)(first & ~0x20) : first;
        var end = text.Length - lower.Length + 1;
        while (end > 0)
        {
            var candidates = text[..end];
            var start = first == upper ? candidates.LastIndexOf(first) : candidates.LastIndexOfAny(first, upper);
            if (start < 0)
                return -1;
            if (StartsWithLower(text[start..], lower))
                return start;
            end = start;
        }

        return -1;
    }

    public static bool IsLatinName(string name) => name[0] < 0x0250;

    public static ReadOnlySpan<char> TrimStartSeparators(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]) && ClosingFor(text[i]) == '\0')
            i++;
        return text[i..];
    }

    public static ReadOnlySpan<char> TrimEndSeparators(ReadOnlySpan<char> text)
    {
        var end = text.Length;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1]) && OpeningFor(text[end - 1]) == '\0')
            end--;
        return text[..end];
    }

    public static bool IsDash(char c) => c is '-' or '–' or '—' or '－';
    public static bool IsHeadSeparator(char c) => IsDash(c) || c is ':' or '|' or ',' or '、' or '·';
    public static bool IsTailSeparator(char c) => IsDash(c) || c is '|' or '_';

    public static char ClosingFor(char open) => open switch
    {
        '【' => '】', '[' => ']', '「' => '」', '『' => '』', '〔' => '〕', '(' => ')', '〖' => '〗', _ => '\0',
    };

    public static char OpeningFor(char close) => close switch
    {
        '】' => '【', ']' => '[', '」' => '「', '』' => '『', '〕' => '〔', ')' => '(', '〗' => '〖', _ => '\0',
    };
}
