using System.Numerics;

namespace Aggregator.Normalizing.Identity;

/// <summary>
/// The two parts of a body fingerprint: a SimHash of the wording in the low <see cref="TextBits"/>
/// bits, and a Bloom set of the body's leading numbers in the high <see cref="NumberBits"/> bits.
/// Copies of one story share their numbers, or one holds a subset of the other's (a summary, an
/// added paragraph); two days of one template ("央行开展1475亿元逆回购… 5月13日" / "… 5月14日")
/// each hold numbers the other lacks.
/// </summary>
internal static class BodyFingerprint
{
    public const int TextBits = 40;
    public const int NumberBits = 64 - TextBits;
    private const ulong TextMask = (1UL << TextBits) - 1;

    public static ulong Compose(ulong simHash, ulong numberSet) => (simHash & TextMask) | (numberSet << TextBits);

    /// <summary>Differing bits of the wording SimHashes (0 = same wording, about TextBits/2 for unrelated texts).</summary>
    public static int TextDistance(ulong left, ulong right) => BitOperations.PopCount((left ^ right) & TextMask);

    /// <summary>True when each body has a leading number the other lacks: different figures, different story.</summary>
    public static bool NumbersDisagree(ulong left, ulong right)
    {
        var a = left >> TextBits;
        var b = right >> TextBits;
        return (a & ~b) != 0 && (b & ~a) != 0;
    }
}
