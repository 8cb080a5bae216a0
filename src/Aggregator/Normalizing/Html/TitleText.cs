using System.Net;
using System.Text.RegularExpressions;

namespace Aggregator.Normalizing.Html;

/// <summary>Titles as plain text: markup stripped, entities decoded, white space collapsed.</summary>
internal static partial class TitleText
{
    // A script or style element goes with its content: that is code, not words of the title.
    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[|\]\]>|</?[a-zA-Z][^<>]*>", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Markup();

    [GeneratedRegex(@"</?[a-zA-Z][^<>]*>|<!--", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeMarkup();

    /// <summary>
    /// Plain text of <paramref name="raw"/>. Tags are stripped when the title is declared HTML or
    /// plainly holds a tag (RSS titles often do); a lone "&lt;" in "A &lt; B" stays.
    /// </summary>
    public static string From(string? raw, bool isHtml)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return string.Empty;
        var text = isHtml || LooksLikeMarkup().IsMatch(raw) ? Markup().Replace(raw, " ") : raw;
        // Decoding twice undoes the double escaping ("&amp;quot;") many feeds apply to titles.
        var decoded = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text));
        return PlainText.Collapse(decoded);
    }

    /// <summary>A title made from the first words of <paramref name="plainText"/>, for entries that have none.</summary>
    public static string FromText(string plainText, int maxLength = 60) => SummaryText.Cut(plainText, maxLength);
}
