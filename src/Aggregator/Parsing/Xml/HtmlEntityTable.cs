using AngleSharp.Html;

namespace Aggregator.Parsing.Xml;

/// <summary>The HTML5 named character references (AngleSharp's table), for feeds that use <c>&amp;nbsp;</c> and friends in XML.</summary>
internal static class HtmlEntityTable
{
    /// <summary>The characters a name (without <c>&amp;</c> and <c>;</c>) stands for, or null when HTML does not know it.</summary>
    public static string? Lookup(string name)
    {
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(name + ";");
        return string.IsNullOrEmpty(symbol) ? null : symbol;
    }
}
