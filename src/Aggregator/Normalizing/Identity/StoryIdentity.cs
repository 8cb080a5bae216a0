using System.Buffers;

namespace Aggregator.Normalizing.Identity;

/// <summary>
/// The keys that recognise one story across sources: a reduced title and a SimHash of the body text.
/// Pure functions, computed once during normalization and compared by the store's dedupe.
/// </summary>
internal static class StoryIdentity
{
    private const int StackLimit = 256;
    /// <summary>Room for a dateline or 【…讯】 before the hashed text starts.</summary>
    private const int LeadMargin = 100;

    /// <summary>
    /// The title reduced to what identifies the story: NFKC (full width to half width), source
    /// prefixes and trailers removed (see <see cref="StoryText"/> and <see cref="SourceNames"/>),
    /// lower case, letters and digits only, with the decimal point kept between digits ("0.5" stays
    /// apart from "05").
    /// </summary>
    public static string TitleKey(string title, string? sourceTitle)
    {
        char[]? rented = null;
        var buffer = title.Length <= StackLimit ? stackalloc char[2 * title.Length] : (rented = ArrayPool<char>.Shared.Rent(2 * title.Length));
        try
        {
            var folded = TextFolding.Fold(title, buffer[..title.Length]);
            if (folded.Length > title.Length)
                return TitleKey(folded.ToString(), sourceTitle);
            var core = StoryText.Core(folded, sourceTitle, isTitle: true);
            var key = buffer.Slice(title.Length, title.Length);
            var length = 0;
            for (var i = 0; i < core.Length; i++)
            {
                var c = core[i];
                if (char.IsLetterOrDigit(c))
                    key[length++] = char.ToLowerInvariant(c);
                else if (c == '.' && length > 0 && char.IsAsciiDigit(key[length - 1]) && i + 1 < core.Length && char.IsAsciiDigit(core[i + 1]))
                    key[length++] = c;
            }

            return new string(key[..length]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// 64-bit fingerprint (see <see cref="BodyFingerprint"/>) of the plain-text body without its
    /// source's prefixes and bylines; 0 for a body without letters or digits. Only the first
    /// <see cref="SimHash.MaxChars"/> characters count.
    /// </summary>
    public static ulong Fingerprint(string plainText)
    {
        var text = plainText.AsSpan(0, Math.Min(plainText.Length, SimHash.MaxChars + LeadMargin));
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            return SimHash.Compute(StoryText.Core(TextFolding.Fold(text, rented), null, isTitle: false));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Differing bits between the wording parts of two fingerprints (0 = same wording; see <see cref="BodyFingerprint"/>).</summary>
    public static int Distance(ulong left, ulong right) => BodyFingerprint.TextDistance(left, right);
}
