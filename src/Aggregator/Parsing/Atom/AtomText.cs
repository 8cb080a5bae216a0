using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Atom;

/// <summary>An Atom text construct (title, summary, content) read according to its type and (Atom 0.3) mode.</summary>
internal readonly record struct AtomText(string Value, bool IsHtml)
{
    /// <summary>Reads the construct the cursor is on. xhtml comes back as HTML markup; plain text stays text.</summary>
    public static AtomText Read(FeedXmlReader cursor, bool atom03)
    {
        var reader = cursor.Reader;
        var type = reader.GetAttribute("type")?.Trim().ToLowerInvariant();
        var mode = atom03 ? reader.GetAttribute("mode")?.Trim().ToLowerInvariant() : null;
        switch (type)
        {
            case "xhtml":
                return new AtomText(cursor.ReadInnerMarkup(unwrapDiv: true), true);
            case "application/xhtml+xml" when mode is null or "xml":
                return new AtomText(cursor.ReadInnerMarkup(unwrapDiv: false), true);
        }

        var text = cursor.ReadText();
        if (mode == "base64")
        {
            text = DecodeBase64(text);
        }

        var html = type is "html" or "text/html" or "application/xhtml+xml"
            || (atom03 && type is null && mode == "escaped");
        return new AtomText(text, html);
    }

    private static string DecodeBase64(string text)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            return text;
        }
    }
}
