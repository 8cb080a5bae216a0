using System.Net;
using System.Text;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// No article nests thousands of elements, but a hostile body does, and the HTML5 tree builder then takes
/// seconds (the fuzz drill's 10,000-level bodies). Such a body keeps only its text, encoded, so the
/// sanitizer has nothing deep left to parse and nothing executable can survive.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 1000;

    private static readonly string[] VoidElements =
        ["br", "img", "hr", "wbr", "input", "meta", "link", "source", "track", "area", "base", "col", "embed", "param"];

    public static bool IsTooDeep(string html)
    {
        var depth = 0;
        for (var i = html.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            var next = html[i + 1];
            if (next == '/')
            {
                if (depth > 0)
                    depth--;
            }
            else if (char.IsAsciiLetter(next) && !IsVoid(html, i + 1) && ++depth > MaxDepth)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text of <paramref name="html"/> (tags dropped), HTML-encoded in one paragraph.</summary>
    public static string TextOnly(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
                inTag = true;
            else if (c == '>')
                inTag = false;
            else if (!inTag)
                text.Append(c);
        }

        return "<p>" + WebUtility.HtmlEncode(WebUtility.HtmlDecode(text.ToString())) + "</p>";
    }

    private static bool IsVoid(string html, int nameStart)
    {
        var end = nameStart;
        while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            end++;
        var name = html.AsSpan(nameStart, end - nameStart);
        foreach (var candidate in VoidElements)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return end < html.Length && html.IndexOf('>', end) is var close && close > 0 && html[close - 1] == '/';
    }
}
