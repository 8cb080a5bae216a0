using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Atom;

/// <summary>An Atom text construct (title, summary, content) read according to its type and (Atom 0.3) mode.</summary>
/// <param name="DeclaredText">The type attribute says plain text outright ("text", "text/plain"), rather than by default.</param>
internal readonly record struct AtomText(string Value, bool IsHtml, bool DeclaredText = false)
{
    /// <summary>Reads the construct the cursor is on. xhtml comes back as HTML markup; plain text stays text.</summary>
    /// <param name="body">Content or summary: in scan mode its value is the body's digest token (<see cref="FeedXmlReader.ReadBody"/>).</param>
    public static AtomText Read(FeedXmlReader cursor, bool atom03, bool body = false)
    {
        var reader = cursor.Reader;
        var type = reader.GetAttribute("type")?.Trim().ToLowerInvariant();
        var mode = atom03 ? reader.GetAttribute("mode")?.Trim().ToLowerInvariant() : null;
        switch (type)
        {
            case "xhtml":
                return new AtomText(body ? cursor.ReadBodyMarkup(unwrapDiv: true) : cursor.ReadInnerMarkup(unwrapDiv: true), true);
            case "application/xhtml+xml" when mode is null or "xml":
                return new AtomText(body ? cursor.ReadBodyMarkup(unwrapDiv: false) : cursor.ReadInnerMarkup(unwrapDiv: false), true);
        }

        // Atom 0.3 says base64 with mode; Atom 1.0 by a media type that is neither text nor XML (RFC 4287 4.1.3.3).
        if (mode == "base64" || (!atom03 && type is { } media && IsBase64Type(media)))
        {
            // Decoded bytes are markup unless declared plain text (feedparser reads them as HTML too).
            var decoded = DecodeBase64(cursor.ReadText());
            return new AtomText(body && cursor.DigestBodies ? BodyDigest.Of(decoded) : decoded, type is not "text" and not "text/plain");
        }

        var text = body ? cursor.ReadBody() : cursor.ReadText();

        // Undeclared type with elements inside ("Example <b>Atom</b>" written as XML) is markup, whatever the default says.
        var html = type is "html" or "text/html" or "application/xhtml+xml"
            || (atom03 && type is null && mode == "escaped")
            || (type is null && cursor.LastTextHadElements);
        return new AtomText(text, html, type is "text" or "text/plain");
    }

    private static bool IsBase64Type(string type) =>
        type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal)
        && !type.EndsWith("+xml", StringComparison.Ordinal) && !type.EndsWith("/xml", StringComparison.Ordinal);

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
