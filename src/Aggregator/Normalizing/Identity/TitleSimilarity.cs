namespace Aggregator.Normalizing.Identity;

/// <summary>Jaccard similarity of the character bigrams of two title keys (1 = same bigrams, 0 = none shared).</summary>
internal static class TitleSimilarity
{
    private const int MaxBigrams = 256;

    public static double Jaccard(string left, string right)
    {
        if (left.Length < 2 || right.Length < 2)
            return string.Equals(left, right, StringComparison.Ordinal) ? 1 : 0;
        Span<uint> a = stackalloc uint[MaxBigrams];
        Span<uint> b = stackalloc uint[MaxBigrams];
        var na = Bigrams(left, a);
        var nb = Bigrams(right, b);
        int i = 0, j = 0, shared = 0;
        while (i < na && j < nb)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / (na + nb - shared);
    }

    /// <summary>Sorted distinct bigrams, each packed into one 32-bit value.</summary>
    private static int Bigrams(string key, Span<uint> into)
    {
        var count = Math.Min(key.Length - 1, into.Length);
        for (var i = 0; i < count; i++)
            into[i] = ((uint)key[i] << 16) | key[i + 1];
        var bigrams = into[..count];
        bigrams.Sort();
        var distinct = 0;
        for (var i = 0; i < count; i++)
        {
            if (distinct == 0 || bigrams[distinct - 1] != bigrams[i])
                bigrams[distinct++] = bigrams[i];
        }

        return distinct;
    }
}
