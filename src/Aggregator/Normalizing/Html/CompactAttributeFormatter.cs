using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// HTML output as the seed has it: AngleSharp's serialization, except that an attribute with an
/// empty value is written bare (<c>data-galleryid</c>, not <c>data-galleryid=""</c>) and a
/// no-break space stays the character it was (not <c>&amp;nbsp;</c>) — the same document to every
/// HTML parser, and byte for byte what the original pipeline wrote.
/// </summary>
internal sealed class CompactAttributeFormatter : HtmlMarkupFormatter
{
    public static new CompactAttributeFormatter Instance { get; } = new();

    /// <summary>What AngleSharp escapes in text (&amp; &lt; &gt; and the no-break space); most text nodes hold none.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\u00A0");

    // Text without those characters serializes as itself: no copy through AngleSharp's locked builder pool.
    public override string Text(ICharacterData text) =>
        text.Data.AsSpan().ContainsAny(Escaped) ? KeepNoBreakSpace(base.Text(text)) : text.Data;

    protected override string Attribute(IAttr attribute)
    {
        var written = KeepNoBreakSpace(base.Attribute(attribute));
        return attribute.Value.Length == 0 && written.EndsWith("=\"\"", StringComparison.Ordinal) ? written[..^3] : written;
    }

    // AngleSharp writes U+00A0 as "&nbsp;"; a literal "&nbsp;" in the text was escaped to "&amp;nbsp;" and is not touched.
    private static string KeepNoBreakSpace(string html) =>
        html.Contains("&nbsp;", StringComparison.Ordinal) ? html.Replace("&nbsp;", "\u00A0", StringComparison.Ordinal) : html;
}
