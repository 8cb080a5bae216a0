using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Configuration.Validation;

/// <summary>
/// Slugs name the published feed of a category (<c>feeds/&lt;slug&gt;.atom</c>), so they must be
/// stable and URL-safe: lower-case ASCII letters and digits joined by single hyphens.
/// </summary>
internal static partial class CategorySlugs
{
    /// <summary>Reserved for the merged feed of everything.</summary>
    public const string Everything = "all";
    public const int MaxLength = 64;

    public static bool IsValid(string slug) => slug.Length <= MaxLength && SlugPattern().IsMatch(slug);

    /// <summary>
    /// The slug of a category without a configured one. ASCII names are lower-cased and runs of
    /// other characters become one hyphen ("US Markets" → "us-markets"). Names with non-ASCII
    /// characters (or nothing usable) get "c-" plus the first 8 hex digits of the SHA-256 of the
    /// NFC-normalized UTF-8 name: stable across runs and machines, without transliteration.
    /// </summary>
    public static string Default(string name)
    {
        if (name.All(char.IsAscii))
        {
            var ascii = NonAlphanumericRun().Replace(name.ToLowerInvariant(), "-").Trim('-');
            if (ascii.Length > 0 && ascii.Length <= MaxLength)
                return ascii;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name.Normalize(NormalizationForm.FormC)));
        return "c-" + Convert.ToHexStringLower(hash, 0, 4);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumericRun();
}
