using System.Buffers;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Aggregator.Normalizing.Identity;

/// <summary>
/// 64-bit SimHash of a text: tokens are single CJK characters, Latin words and numbers; shingles are
/// runs of consecutive tokens (three for mostly-CJK text, where one character carries little, two
/// for mostly-Latin text, where one word carries more). A shingle holding a number weighs more, so
/// that two days of one template ("沪指涨0.5%…" / "沪指跌0.3%…") do not look alike.
/// Layout of the result (see <see cref="BodyFingerprint"/>): the low <see cref="BodyFingerprint.TextBits"/>
/// bits are the SimHash of the shingles, the high bits a one-bit-per-number Bloom set of the first
/// <see cref="MaxNumbers"/> distinct numbers of the text.
/// </summary>
internal static class SimHash
{
    /// <summary>Tokens per shingle in mostly-CJK text.</summary>
    public const int CjkShingle = 3;
    /// <summary>Tokens per shingle in mostly-Latin text.</summary>
    public const int WordShingle = 2;
    /// <summary>Weight of a shingle that contains a number (other shingles weigh 1).</summary>
    public const int NumberWeight = 3;
    /// <summary>Only the start of a long body is hashed: identity is settled well before this.</summary>
    public const int MaxChars = 4000;
    /// <summary>Distinct numbers entered in the number set: the lead of a story carries its figures.</summary>
    public const int MaxNumbers = 8;

    private const ulong NumberFlag = 1;
    private const ulong ShingleSeed = 0x9E3779B97F4A7C15UL;

    public static ulong Compute(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxChars)
            text = text[..MaxChars];
        var rented = ArrayPool<ulong>.Shared.Rent(text.Length + 1);
        try
        {
            var count = Tokenize(text, rented, out var cjk, out var words);
            if (count == 0)
                return 0;
            var tokens = rented.AsSpan(0, count);
            var wording = Accumulate(tokens, cjk >= words ? CjkShingle : WordShingle);
            return BodyFingerprint.Compose(wording, NumberSet(tokens));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>Writes one hash per token; the lowest bit marks a number token.</summary>
    private static int Tokenize(ReadOnlySpan<char> text, ulong[] tokens, out int cjk, out int words)
    {
        var count = 0;
        cjk = 0;
        words = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var hash = Hashing.Seed;
                while (i < text.Length)
                {
                    c = text[i];
                    if (char.IsAsciiDigit(c))
                        hash = Hashing.Add(hash, c);
                    else if (!(c is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                        break;
                    else if (c == '.')
                        hash = Hashing.Add(hash, c);
                    i++;
                }

                tokens[count++] = Hashing.Mix(hash) | NumberFlag;
            }
            else if (c < 0x0250 && IsLetter(c))
            {
                var hash = Hashing.Seed;
                while (i < text.Length && text[i] < 0x0250 && IsLetter(text[i]))
                    hash = Hashing.Add(hash, char.ToLowerInvariant(text[i++]));
                tokens[count++] = Hashing.Mix(hash) & ~NumberFlag;
                words++;
            }
            else
            {
                if (IsLetter(c))
                {
                    tokens[count++] = Hashing.Mix(Hashing.Add(Hashing.Seed, c)) & ~NumberFlag;
                    cjk++;
                }

                i++;
            }
        }

        return count;
    }

    /// <summary><see cref="char.IsLetter(char)"/> for every UTF-16 unit, one bit each: a table lookup instead of a category lookup per character.</summary>
    private static readonly ulong[] Letters = BuildLetters();

    private static bool IsLetter(char c) => ((Letters[c >> 6] >> (c & 63)) & 1) != 0;

    private static ulong[] BuildLetters()
    {
        var bits = new ulong[(char.MaxValue + 1) / 64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsLetter((char)c))
                bits[c >> 6] |= 1UL << (c & 63);
        }

        return bits;
    }

    /// <summary>One bit per distinct number among the first <see cref="MaxNumbers"/>.</summary>
    private static ulong NumberSet(ReadOnlySpan<ulong> tokens)
    {
        ulong set = 0;
        var seen = 0;
        foreach (var token in tokens)
        {
            if ((token & NumberFlag) == 0)
                continue;
            var bit = 1UL << (int)((token >> 32) % BodyFingerprint.NumberBits);
            if ((set & bit) == 0 && ++seen > MaxNumbers)
                break;
            set |= bit;
        }

        return set;
    }

    private static ulong Accumulate(ReadOnlySpan<ulong> tokens, int shingle) =>
        Avx2.IsSupported ? AccumulateAvx2(tokens, shingle) : AccumulatePortable(tokens, shingle);

    /// <summary>The weighted hash of the shingle starting at <paramref name="start"/>.</summary>
    private static ulong ShingleHash(ReadOnlySpan<ulong> tokens, int start, int shingle, out int weight)
    {
        var window = tokens.Slice(start, Math.Min(shingle, tokens.Length - start));
        var hash = ShingleSeed;
        var isNumber = false;
        foreach (var token in window)
        {
            hash = Hashing.Mix(hash ^ token);
            isNumber |= (token & NumberFlag) != 0;
        }

        weight = isNumber ? NumberWeight : 1;
        return hash;
    }

    /// <summary>
    /// The same sums as <see cref="AccumulatePortable"/>, counted rather than signed: bit k ends up set when
    /// the weight of the shingles with bit k set beats the weight of the others (2·set &gt; total). One shingle
    /// costs a few byte-vector operations: its 64 bits spread to 64 bytes of 0/-1, subtracted from byte
    /// counters that are widened into 16-bit ones before they can overflow.
    /// </summary>
    private static ulong AccumulateAvx2(ReadOnlySpan<ulong> tokens, int shingle)
    {
        // Byte k of the spread takes byte k/8 of the hash (every 128-bit lane holds all eight), then bit k%8 of it.
        var pickLow = Vector256.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
        var pickHigh = Vector256.Create((byte)4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7);
        var bitOf = Vector256.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128);

        // [0..3]: counts of bits 0-15, 16-31, 32-47, 48-63 over all shingles; [4..7]: the same over number shingles only.
        Span<Vector256<ushort>> counts = stackalloc Vector256<ushort>[8];
        counts.Clear();
        Vector256<byte> allLow = default, allHigh = default, numberLow = default, numberHigh = default;
        var pending = 0;
        var total = 0;
        var shingles = Math.Max(1, tokens.Length - shingle + 1);
        for (var i = 0; i < shingles; i++)
        {
            // The usual case spelled out (three whole tokens): the same hash as ShingleHash, without its slicing.
            ulong hash;
            int weight;
            if (shingle == CjkShingle && i + CjkShingle <= tokens.Length)
            {
                var (a, b, c) = (tokens[i], tokens[i + 1], tokens[i + 2]);
                hash = Hashing.Mix(Hashing.Mix(Hashing.Mix(ShingleSeed ^ a) ^ b) ^ c);
                weight = ((a | b | c) & NumberFlag) != 0 ? NumberWeight : 1;
            }
            else
            {
                hash = ShingleHash(tokens, i, shingle, out weight);
            }

            var bytes = Vector256.Create(hash).AsByte();
            var low = Avx2.CompareEqual(Avx2.Shuffle(bytes, pickLow) & bitOf, bitOf);
            var high = Avx2.CompareEqual(Avx2.Shuffle(bytes, pickHigh) & bitOf, bitOf);
            allLow -= low;
            allHigh -= high;
            // Branch-free: whether a shingle holds a number is as good as random.
            var isNumber = Vector256.Create((byte)(weight == 1 ? 0 : 0xFF));
            numberLow -= low & isNumber;
            numberHigh -= high & isNumber;

            total += weight;
            if (++pending == byte.MaxValue)
            {
                Flush(counts, ref allLow, ref allHigh, ref numberLow, ref numberHigh);
                pending = 0;
            }
        }

        Flush(counts, ref allLow, ref allHigh, ref numberLow, ref numberHigh);
        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            var all = counts[bit / 16].GetElement(bit % 16);
            var numbers = counts[4 + (bit / 16)].GetElement(bit % 16);
            // A number shingle weighs NumberWeight: once in all, NumberWeight - 1 more times here.
            var set = all + ((NumberWeight - 1) * numbers);
            if (2 * set > total)
                fingerprint |= 1UL << bit;
        }

        return fingerprint;
    }

    private static void Flush(Span<Vector256<ushort>> counts, ref Vector256<byte> allLow, ref Vector256<byte> allHigh, ref Vector256<byte> numberLow, ref Vector256<byte> numberHigh)
    {
        Add(counts[..2], allLow);
        Add(counts[2..4], allHigh);
        Add(counts[4..6], numberLow);
        Add(counts[6..8], numberHigh);
        allLow = allHigh = numberLow = numberHigh = default;

        static void Add(Span<Vector256<ushort>> into, Vector256<byte> bytes)
        {
            var (lower, upper) = Vector256.Widen(bytes);
            into[0] += lower;
            into[1] += upper;
        }
    }

    private static ulong AccumulatePortable(ReadOnlySpan<ulong> tokens, int shingle)
    {
        // Eight lanes per hash byte: lane i of sums[j] counts bit 8j+i, so a shingle costs eight vector adds, not 64 branches.
        Span<Vector256<int>> sums = stackalloc Vector256<int>[8];
        sums.Clear();
        var shingles = Math.Max(1, tokens.Length - shingle + 1);
        for (var i = 0; i < shingles; i++)
        {
            var hash = ShingleHash(tokens, i, shingle, out var weight);
            var weights = Vector256.Create(weight);
            for (var j = 0; j < 8; j++)
                sums[j] += ByteSigns[(int)((hash >> (8 * j)) & 0xFF)] * weights;
        }

        ulong fingerprint = 0;
        for (var j = 0; j < 8; j++)
        {
            for (var i = 0; i < 8; i++)
            {
                if (sums[j].GetElement(i) > 0)
                    fingerprint |= 1UL << ((8 * j) + i);
            }
        }

        return fingerprint;
    }

    /// <summary>For each byte value, +1 in lane i where bit i is set and -1 where it is not.</summary>
    private static readonly Vector256<int>[] ByteSigns = BuildByteSigns();

    private static Vector256<int>[] BuildByteSigns()
    {
        var table = new Vector256<int>[256];
        Span<int> lanes = stackalloc int[8];
        for (var b = 0; b < 256; b++)
        {
            for (var i = 0; i < 8; i++)
                lanes[i] = ((b >> i) & 1) == 1 ? 1 : -1;
            table[b] = Vector256.Create<int>(lanes);
        }

        return table;
    }
}
