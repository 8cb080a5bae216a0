using System.Text;

namespace Aggregator.Publishing.Html;

/// <summary>HTML encoding for text and attribute values (the five special characters; XML-invalid characters dropped).</summary>
internal static class HtmlText
{
    public static string Encode(string? text)
    {
        var clean = XmlText.Clean(text);
        var builder = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }
}
