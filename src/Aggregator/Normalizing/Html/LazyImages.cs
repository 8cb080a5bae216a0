using AngleSharp.Dom;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// Lazy-loading pages (WeChat articles, many Chinese CMSs) put the real image in <c>data-src</c> and
/// leave <c>src</c> empty or a placeholder that a script swaps out. A feed reader runs no script, so
/// the real URL is moved into <c>src</c> before sanitizing — where it is then checked like any other.
/// </summary>
internal static class LazyImages
{
    private static readonly string[] LazyAttributes = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-url"];

    /// <summary>Moves <paramref name="image"/>'s lazy-loaded URL into src when src is missing or a placeholder.</summary>
    public static void Promote(IElement image)
    {
        var src = image.GetAttribute("src");
        if (!string.IsNullOrWhiteSpace(src) && !IsPlaceholder(src))
            return;
        foreach (var name in LazyAttributes)
        {
            var lazy = image.GetAttribute(name);
            if (!string.IsNullOrWhiteSpace(lazy) && !IsPlaceholder(lazy))
            {
                image.SetAttribute("src", lazy.Trim());
                return;
            }
        }
    }

    // Inline data (a 1×1 GIF) or a blank page stands in for the image until a script loads it.
    private static bool IsPlaceholder(string src)
    {
        var trimmed = src.AsSpan().Trim();
        return trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("about:", StringComparison.OrdinalIgnoreCase);
    }
}
