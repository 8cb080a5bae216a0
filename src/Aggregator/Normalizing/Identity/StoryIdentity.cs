using System.Buffers;

namespace Aggregator.Normalizing.Identity;

/// <summary>
/// The keys that recognise one story across sources: a reduced title and a SimHash of the body text.
/// Pure functions, computed once during normalization and compared by the store's dedupe.
/// </summary>
internal static class StoryIdentity
{
    private const int StackLimit = 512;

    /// <summary>
    /// The title reduced to what identifies the story: NFKC (full width to half width), source
    /// prefixes and trailers removed (see <see cref="StoryText"/> and <see cref="SourceNames"/>),
    /// lower case, letters and digits only, with the decimal point kept between digits ("0.5" stays
    /// apart from "05").
    /// </summary>
    public static string TitleKey(string title, string? sourceTitle)
    {
        var core = StoryText.Core(StoryText.Fold(title), sourceTitle, isTitle: true);
        char[]? rented = null;
        Span<char> buffer = core.Length <= StackLimit ? stackalloc char[core.Length] : (rented = ArrayPool<char>.Shared.Rent(core.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < core.Length; i++)
            {
                var c = core[i];
                if (char.IsLetterOrDigit(c))
                    buffer[length++] = char.ToLowerInvariant(c);
                else if (c == '.' && length > 0 && char.IsAsciiDigit(buffer[length - 1]) && i + 1 < core.Length && char.IsAsciiDigit(core[i + 1]))
                    buffer[length++] = c;
            }

            return new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>64-bit SimHash (see <see cref="SimHash"/>) of the plain-text body without its source's prefixes and bylines; 0 for an empty body.</summary>
    public static ulong Fingerprint(string plainText) =>
        SimHash.Compute(StoryText.Core(StoryText.Fold(plainText), null, isTitle: false));

    /// <summary>Differing bits between the wording parts of two fingerprints (0 = same wording; see <see cref="BodyFingerprint"/>).</summary>
    public static int Distance(ulong left, ulong right) => BodyFingerprint.TextDistance(left, right);
}
