using System.Text;

namespace Aggregator.Normalizing.Identity;

/// <summary>NFKC folding, with a copy-free fast path for the characters Chinese and English news consist of.</summary>
internal static class TextFolding
{
    /// <summary>NFKC: full-width letters, digits and punctuation become their ASCII forms.</summary>
    public static string Fold(string text) =>
        NormalizeKc(text);

    /// <summary>
    /// NFKC without its cost for the usual text: ASCII, CJK ideographs and CJK punctuation are left
    /// as they are, full-width forms (U+FF01–FF5E) and the ideographic space map by offset exactly as
    /// NFKC maps them, into <paramref name="buffer"/> (at least as long as the text). Anything else
    /// NFKC might change (…, ①, half-width kana, accents) takes the full normalization.
    /// </summary>
    public static ReadOnlySpan<char> Fold(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var changed = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x7F || c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3001' and <= '\u3011') or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2013' or '\u2014' or '\u00B7' or '\u2022')
            {
                buffer[i] = c;
            }
            else if (c is >= '\uFF01' and <= '\uFF5E')
            {
                buffer[i] = (char)(c - 0xFEE0);
                changed = true;
            }
            else if (c == '\u3000')
            {
                buffer[i] = ' ';
                changed = true;
            }
            else
            {
                return NormalizeKc(text.ToString());
            }
        }

        return changed ? buffer[..text.Length] : text;
    }

    /// <summary>NFKC, with lone surrogates (a feed's &amp;#xD800;) replaced first: Normalize throws on them.</summary>
    private static string NormalizeKc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var repaired = text.ToCharArray();
            for (var i = 0; i < repaired.Length; i++)
            {
                var paired = char.IsHighSurrogate(repaired[i]) ? i + 1 < repaired.Length && char.IsLowSurrogate(repaired[i + 1])
                    : char.IsLowSurrogate(repaired[i]) && i > 0 && char.IsHighSurrogate(repaired[i - 1]);
                if (char.IsSurrogate(repaired[i]) && !paired)
                    repaired[i] = '\uFFFD';
            }

            var repairedText = new string(repaired);
            try
            {
                return repairedText.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // Code points ICU still refuses (noncharacters and the like): compare the text unfolded.
                return repairedText;
            }
        }
    }
}
