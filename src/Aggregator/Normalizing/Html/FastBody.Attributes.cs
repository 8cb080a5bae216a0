using Kinds = Aggregator.Normalizing.Html.FastBodyPolicy.Kinds;
using Rule = Aggregator.Normalizing.Html.FastBodyPolicy.AttributeRule;

namespace Aggregator.Normalizing.Html;

/// <summary>Attributes: read as the HTML tokenizer reads them, judged by the sanitizer's lists, written as the serializer writes them.</summary>
internal sealed partial class FastBody
{
    private const string NewTabRel = "noopener noreferrer";

    /// <summary>Where an attribute's name and value sit in the body.</summary>
    private readonly record struct Attribute(int NameStart, int NameLength, int ValueStart, int ValueLength);

    /// <summary>
    /// Reads the attributes from <paramref name="from"/> (just after the tag name) to the closing '&gt;'.
    /// A repeated attribute is ignored, as the tokenizer ignores it. False for anything unusual:
    /// character references, quotes or '&lt;' in unquoted values, names outside [A-Za-z0-9_-].
    /// </summary>
    private bool ReadAttributes(int from, out int close, out bool selfClosing)
    {
        close = -1;
        selfClosing = false;
        attributes.Clear();
        var i = from;
        if (i >= html.Length || html[i] is not (' ' or '\t' or '\n' or '\f' or '/' or '>'))
            return false;
        while (true)
        {
            i = SkipSpace(i);
            if (i >= html.Length)
                return false;
            switch (html[i])
            {
                case '>':
                    close = i;
                    return true;
                case '/':
                    selfClosing = i + 1 < html.Length && html[i + 1] == '>';
                    close = i + 1;
                    return selfClosing;
            }

            if (!char.IsAsciiLetter(html[i]) && html[i] != '_')
                return false;
            var nameStart = i;
            i = NameEnd(i);
            if (i >= html.Length || html[i] is not (' ' or '\t' or '\n' or '\f' or '=' or '>' or '/'))
                return false;
            var nameLength = i - nameStart;
            int valueStart, valueLength;
            var afterName = SkipSpace(i);
            if (afterName < html.Length && html[afterName] == '=')
            {
                if (!ReadValue(SkipSpace(afterName + 1), out valueStart, out valueLength, out i))
                    return false;
            }
            else
            {
                (valueStart, valueLength, i) = (afterName, 0, afterName);
            }

            if (!IsRepeated(nameStart, nameLength))
                attributes.Add(new Attribute(nameStart, nameLength, valueStart, valueLength));
        }
    }

    private bool ReadValue(int start, out int valueStart, out int valueLength, out int next)
    {
        valueStart = valueLength = next = 0;
        if (start >= html.Length)
            return false;
        var quote = html[start];
        int end;
        if (quote is '"' or '\'')
        {
            end = html.IndexOf(quote, start + 1);
            if (end < 0)
                return false;
            (valueStart, next) = (start + 1, end + 1);
            if (next < html.Length && html[next] is not (' ' or '\t' or '\n' or '\f' or '>' or '/'))
                return false;
        }
        else
        {
            end = start;
            while (end < html.Length && html[end] is not (' ' or '\t' or '\n' or '\f' or '>'))
            {
                if (html[end] is '"' or '\'' or '=' or '`' or '/')
                    return false;
                end++;
            }

            if (end == start)
                return false;
            (valueStart, next) = (start, end);
        }

        valueLength = end - valueStart;
        var value = html.AsSpan(valueStart, valueLength);
        return IsPlainText(value) && !value.ContainsAny('&', '<', '>');
    }

    private bool IsRepeated(int nameStart, int nameLength)
    {
        var name = html.AsSpan(nameStart, nameLength);
        foreach (var attribute in attributes)
        {
            if (html.AsSpan(attribute.NameStart, attribute.NameLength).Equals(name, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Writes the start tag with the attributes the sanitizer keeps, then applies BodySanitizer's
    /// clean-up: a link opening a new tab gets rel="noopener noreferrer"; an image keeps a real src,
    /// is dropped when it is a tracking pixel, and may be the first image. False leaves the body to the sanitizer.
    /// </summary>
    private bool WriteElement(string name, Kinds kind)
    {
        var mark = output.Length;
        var image = name == "img";
        var newTab = kind.HasFlag(Kinds.Anchor) && attributes.Exists(a => NameIs(a, "target") && policy.RuleFor("target") != Rule.Drop);
        var relWritten = false;
        string? src = null, width = null, height = null;
        Span<char> lower = stackalloc char[64];
        output.Append('<').Append(name);
        foreach (var attribute in attributes)
        {
            if (attribute.NameLength > lower.Length || !Lower(html.AsSpan(attribute.NameStart, attribute.NameLength), lower[..attribute.NameLength]))
                return false;
            var attributeName = lower[..attribute.NameLength];
            var value = html.AsSpan(attribute.ValueStart, attribute.ValueLength);
            // LazyImages would move a data-src into a missing or placeholder src first.
            if (image && attributeName.SequenceEqual("src") && (value.IsWhiteSpace() || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                || value.StartsWith("about:", StringComparison.OrdinalIgnoreCase) || char.IsWhiteSpace(value[0])))
                return false;
            switch (policy.RuleFor(attributeName))
            {
                case Rule.Drop:
                    continue;
                case Rule.Url:
                    if (!TrySanitizeUrl(value, out var url))
                        return false;
                    if (image && attributeName.SequenceEqual("src"))
                        src = url.ToString();
                    value = url;
                    break;
                case Rule.Style when !IsPlainAlignment(value):
                case Rule.Unsupported:
                    return false;
                case Rule.Keep when newTab && attributeName.SequenceEqual("rel"):
                    value = NewTabRel;
                    relWritten = true;
                    break;
                case Rule.Keep when image && attributeName.SequenceEqual("width"):
                    width = value.ToString();
                    break;
                case Rule.Keep when image && attributeName.SequenceEqual("height"):
                    height = value.ToString();
                    break;
            }

            WriteAttribute(attributeName, value);
        }

        if (newTab && !relWritten)
            WriteAttribute("rel", NewTabRel);
        output.Append('>');
        return !image || KeepImage(src, width, height, mark);
    }

    /// <summary>BodySanitizer's rules for an image once sanitized: tracking pixels go, the first real image is noted.</summary>
    private bool KeepImage(string? src, string? width, string? height, int mark)
    {
        if (src is null)
            return false;
        if (TrackingPixels.IsPixelSize(width) || TrackingPixels.IsPixelSize(height))
        {
            output.Length = mark;
            return true;
        }

        if (Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            if (TrackingPixels.IsTracker(uri))
            {
                output.Length = mark;
                return true;
            }

            firstImage ??= src;
        }

        return true;
    }

    private bool NameIs(Attribute attribute, string name) =>
        html.AsSpan(attribute.NameStart, attribute.NameLength).Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>As AngleSharp writes it, with <see cref="CompactAttributeFormatter"/>'s bare empty values and literal no-break spaces.</summary>
    private void WriteAttribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        output.Append(' ').Append(name);
        if (value.Length == 0)
            return;
        output.Append("=\"");
        foreach (var c in value)
        {
            if (c == '"')
                output.Append("&quot;");
            else
                output.Append(c);
        }

        output.Append('"');
    }

    /// <summary>
    /// HtmlSanitizer's URL rule for the two cases the fast path copies: an http(s) URL is kept as written;
    /// a relative one (no scheme before the first '/' or '#') is resolved against the base with the same
    /// <see cref="Uri"/> call the sanitizer makes. Anything else — other schemes, white space, no base — is the sanitizer's to judge.
    /// </summary>
    private bool TrySanitizeUrl(ReadOnlySpan<char> value, out ReadOnlySpan<char> url)
    {
        url = value;
        if (value.Length == 0 || value.Length > 4096)
            return false;
        foreach (var c in value)
        {
            if (c <= ' ' || c is '\\' or '\u007F' || char.IsSurrogate(c))
                return false;
        }

        var first = value.IndexOfAny(':', '/', '#');
        if (first >= 0 && value[first] == ':')
            return value[..first].Equals("http", StringComparison.OrdinalIgnoreCase) || value[..first].Equals("https", StringComparison.OrdinalIgnoreCase);

        if (baseUri is null || !Uri.TryCreate(baseUri.AbsoluteUri, UriKind.Absolute, out var resolvedBase))
            return false;
        try
        {
            var resolved = new Uri(resolvedBase, value.ToString());
            url = resolved.AbsoluteUri;
            return resolved.Scheme is "http" or "https";
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// "text-align: center;" and its spellings without the space or the semicolon: HtmlSanitizer keeps the
    /// declaration and rewrites its spacing, which StylePreserver then puts back as written.
    /// </summary>
    private static bool IsPlainAlignment(ReadOnlySpan<char> style)
    {
        const string Property = "text-align:";
        if (!style.StartsWith(Property, StringComparison.Ordinal))
            return false;
        var rest = style[Property.Length..];
        if (rest.StartsWith(' '))
            rest = rest[1..];
        if (rest.EndsWith(';'))
            rest = rest[..^1];
        return rest is "left" or "right" or "center" or "justify";
    }
}
