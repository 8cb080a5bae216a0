namespace Aggregator.Parsing.Charsets;

/// <summary>The two parts of an HTTP Content-Type that decide decoding: the media type and its charset.</summary>
internal readonly record struct ContentTypeHeader(string MediaType, string? Charset)
{
    public static ContentTypeHeader None { get; } = new(string.Empty, null);

    /// <summary>Reads a header value leniently: <c>text/xml;charset= "us-ascii"</c>, <c>charset='gb2312'</c>, <c>charset = x</c>.</summary>
    public static ContentTypeHeader Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return None;
        }

        var parts = header.Split(';');
        var mediaType = parts[0].Trim().ToLowerInvariant();
        string? charset = null;
        for (var i = 1; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !parts[i][..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                continue; // "charset:iso-8859-1" and other malformed parameters are ignored, as feedparser does.
            }

            var value = parts[i][(eq + 1)..].Trim().Trim('"', '\'').Trim();
            if (value.Length > 0)
            {
                charset = value.ToLowerInvariant();
            }
        }

        return new ContentTypeHeader(mediaType, charset);
    }

    /// <summary>application/xml, application/xml-dtd, application/xml-external-parsed-entity, application/*+xml.</summary>
    public bool IsApplicationXml =>
        MediaType is "application/xml" or "application/xml-dtd" or "application/xml-external-parsed-entity"
        || (MediaType.StartsWith("application/", StringComparison.Ordinal) && MediaType.EndsWith("+xml", StringComparison.Ordinal));

    /// <summary>text/xml, text/xml-external-parsed-entity, text/*+xml: RFC 3023 makes these us-ascii unless a charset is given.</summary>
    public bool IsTextXml =>
        MediaType is "text/xml" or "text/xml-external-parsed-entity"
        || (MediaType.StartsWith("text/", StringComparison.Ordinal) && MediaType.EndsWith("+xml", StringComparison.Ordinal));

    public bool IsJson => MediaType is "application/feed+json" or "application/json";
}
