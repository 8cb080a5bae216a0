using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Publishing.Posts;

/// <summary>
/// Post file names in the seed's shape, <c>NNN_hhhhhhhhhhhhhhhh.txt</c>: NNN is the article's position
/// in the export in chronological order (oldest is 000; at least three digits), and the 16 hex digits
/// are the first 64 bits of SHA-256 over the article's canonical link. The hash names the story for
/// good; the position keeps the folder sorted by date, and stays put as long as new articles are newer.
/// </summary>
internal static partial class PostFileName
{
    public static string For(int position, string link) =>
        position.ToString("000", CultureInfo.InvariantCulture) + "_" + LinkHash(link) + ".txt";

    /// <summary>First 8 bytes of SHA-256 of the UTF-8 link, lower-case hex.</summary>
    public static string LinkHash(string link)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(link), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Whether a file name is one the exporter writes (and so may replace or remove).</summary>
    public static bool IsPostFileName(string fileName) => Pattern().IsMatch(fileName);

    [GeneratedRegex("^[0-9]{3,}_[0-9a-f]{16}\\.txt$")]
    private static partial Regex Pattern();
}
