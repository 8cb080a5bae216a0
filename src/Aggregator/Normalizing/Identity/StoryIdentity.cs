using System.Globalization;
using System.Numerics;
using System.Text;

namespace Aggregator.Normalizing.Identity;

/// <summary>
/// The keys that recognise one story across sources: a reduced title and a SimHash of the body text.
/// Pure functions, computed once during normalization and compared by the store's dedupe.
/// </summary>
internal static class StoryIdentity
{
    private const int ShingleLength = 3;

    /// <summary>NFKC (full width to half width), lower case, letters and digits only.</summary>
    public static string TitleKey(string title, string? sourceTitle)
    {
        var folded = title.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
                builder.Append(rune.ToString());
        }

        var key = builder.ToString();
        if (!string.IsNullOrEmpty(sourceTitle))
        {
            var sourceKey = TitleKey(sourceTitle, null);
            if (sourceKey.Length > 0 && key.Length > sourceKey.Length && key.StartsWith(sourceKey, StringComparison.Ordinal))
                key = key[sourceKey.Length..];
        }

        return key;
    }

    /// <summary>64-bit SimHash over character shingles of the letters and digits of <paramref name="plainText"/>.</summary>
    public static ulong Fingerprint(string plainText)
    {
        var text = TitleKey(plainText, null);
        if (text.Length == 0)
            return 0;

        Span<int> weights = stackalloc int[64];
        var shingles = Math.Max(1, text.Length - ShingleLength + 1);
        for (var i = 0; i < shingles; i++)
        {
            var shingle = text.AsSpan(i, Math.Min(ShingleLength, text.Length - i));
            var hash = Fnv1a64(shingle);
            for (var bit = 0; bit < 64; bit++)
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
                fingerprint |= 1UL << bit;
        }

        return fingerprint;
    }

    /// <summary>Number of differing bits between two fingerprints (0 = identical text).</summary>
    public static int Distance(ulong left, ulong right) => BitOperations.PopCount(left ^ right);

    private static ulong Fnv1a64(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
