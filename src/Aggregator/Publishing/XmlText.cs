using System.Text;

namespace Aggregator.Publishing;

/// <summary>Removes what XML 1.0 cannot carry, so no stored text can break a published document.</summary>
internal static class XmlText
{
    /// <summary>The text without control characters (except tab, LF, CR), lone surrogates, U+FFFE and U+FFFF.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var firstBad = FirstInvalid(text);
        if (firstBad < 0)
            return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (IsAllowed(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Clean, with every run of white space (line breaks included) collapsed to one space and trimmed.</summary>
    public static string SingleLine(string? text) => Normalizing.Html.PlainText.Collapse(Clean(text));

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsAllowed(c))
                return i;
        }
        return -1;
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r'
        || (c >= '\u0020' && c <= '\uD7FF')
        || (c >= '\uE000' && c <= '\uFFFD');
}
