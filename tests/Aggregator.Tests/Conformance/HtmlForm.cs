using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Aggregator.Tests.Conformance;

/// <summary>
/// Canonical forms for comparing HTML written by two different serializers: both sides are parsed
/// by the same HTML5 parser and written back, so quoting, void-element slashes and entity spelling
/// stop mattering; white space is collapsed.
/// </summary>
internal static partial class HtmlForm
{
    private static readonly HtmlParser Parser = new();

    public static string Markup(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html);
        return Collapse(document.Body?.InnerHtml ?? string.Empty);
    }

    public static string Text(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html);
        return Collapse(document.Body?.TextContent ?? string.Empty);
    }

    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
