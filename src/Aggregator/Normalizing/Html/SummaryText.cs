namespace Aggregator.Normalizing.Html;

/// <summary>Short plain-text summaries, cut on a word boundary (or a character boundary for CJK text).</summary>
internal static class SummaryText
{
    public const int DefaultLength = 280;

    /// <summary><paramref name="plainText"/> when short enough, else its first part ending in "…".</summary>
    public static string Cut(string plainText, int maxLength = DefaultLength)
    {
        if (plainText.Length <= maxLength)
            return plainText;

        var cut = maxLength;
        // Do not split a surrogate pair.
        if (char.IsLowSurrogate(plainText[cut]) && cut > 0)
            cut--;
        // Prefer the last space if it is near the end; CJK text has none and is cut between characters.
        var space = plainText.LastIndexOf(' ', cut, Math.Min(cut, maxLength / 4));
        if (space > 0)
            cut = space;
        return plainText[..cut].TrimEnd() + "…";
    }
}
