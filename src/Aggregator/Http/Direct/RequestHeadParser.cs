namespace Aggregator.Http.Direct;

/// <summary>
/// Recognises the one kind of request the direct path answers: <c>GET</c> or <c>HEAD</c>, HTTP/1.1,
/// an origin-form target of plain path characters, exactly one well-formed Host, no body, no
/// Connection other than keep-alive, no Expect or Upgrade, at most one of each of Accept-Encoding,
/// If-None-Match and If-Modified-Since, every line ending in CRLF and every field strictly valid.
/// Anything else is <see cref="ParseStatus.NotForUs"/>: the parser never rejects a request, it only
/// declines it, and Kestrel then answers it with its own, complete HTTP/1.1 rules (400, 405, 431,
/// chunked bodies, HTTP/1.0, h2c, …). Being strict here costs nothing: real clients send plain heads.
/// </summary>
internal static class RequestHeadParser
{
    /// <summary>Heads longer than this are left to Kestrel (its own limits are 8 KB per line, 32 KB in all).</summary>
    public const int MaxHeadBytes = 8 * 1024;

    /// <summary>The three headers the direct path reads are declined beyond this length.</summary>
    public const int MaxValueBytes = 1024;

    private const int MaxHeaderCount = 64;

    public static ParseStatus Parse(ReadOnlySpan<byte> data, out RequestHead head)
    {
        head = default;
        // Decided on the first bytes: TLS, an HTTP/2 preface or another method is handed over at
        // once instead of waiting for a head that never comes.
        if (!StartsLike(data, "GET "u8) && !StartsLike(data, "HEAD "u8))
            return ParseStatus.NotForUs;
        var end = data.IndexOf("\r\n\r\n"u8);
        var scanned = end < 0 ? data : data[..(end + 4)];
        // A bare LF ends lines for some clients; Kestrel decides what to make of those.
        if (HasBareLineFeed(scanned))
            return ParseStatus.NotForUs;
        if (end < 0)
            return data.Length >= MaxHeadBytes ? ParseStatus.NotForUs : ParseStatus.Incomplete;
        if (end + 4 > MaxHeadBytes)
            return ParseStatus.NotForUs;

        head.Length = end + 4;
        var lines = data[..(end + 2)];
        var lineEnd = lines.IndexOf("\r\n"u8);
        if (!TryParseRequestLine(lines[..lineEnd], ref head))
            return ParseStatus.NotForUs;

        var rest = lines[(lineEnd + 2)..];
        var hosts = 0;
        var count = 0;
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var field = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            if (++count > MaxHeaderCount || !TryParseField(field, ref head, ref hosts))
                return ParseStatus.NotForUs;
        }

        return hosts == 1 ? ParseStatus.Parsed : ParseStatus.NotForUs;
    }

    /// <summary>True when <paramref name="data"/> is <paramref name="prefix"/> or could still become it.</summary>
    private static bool StartsLike(ReadOnlySpan<byte> data, ReadOnlySpan<byte> prefix) =>
        data.Length >= prefix.Length ? data.StartsWith(prefix) : prefix.StartsWith(data);

    private static bool HasBareLineFeed(ReadOnlySpan<byte> data)
    {
        for (var at = data.IndexOf((byte)'\n'); at >= 0; at = NextLineFeed(data, at))
        {
            if (at == 0 || data[at - 1] != '\r')
                return true;
        }

        return false;
    }

    private static int NextLineFeed(ReadOnlySpan<byte> data, int after)
    {
        var next = data[(after + 1)..].IndexOf((byte)'\n');
        return next < 0 ? -1 : after + 1 + next;
    }

    private static bool TryParseRequestLine(ReadOnlySpan<byte> line, ref RequestHead head)
    {
        ReadOnlySpan<byte> rest;
        if (line.StartsWith("GET "u8))
        {
            rest = line[4..];
        }
        else if (line.StartsWith("HEAD "u8))
        {
            head.IsHead = true;
            rest = line[5..];
        }
        else
        {
            return false;
        }

        if (!rest.EndsWith(" HTTP/1.1"u8))
            return false;
        var target = rest[..^9];
        if (target.Length > MaxValueBytes || !IsPlainPath(target))
            return false;
        head.Path = target;
        return true;
    }

    /// <summary>
    /// '/' then letters, digits, '-', '.', '_', '~', '/' only, and no "/." (so no dot segments): for
    /// such a target Kestrel's decoded, normalised <c>Request.Path</c> is the target itself.
    /// </summary>
    private static bool IsPlainPath(ReadOnlySpan<byte> target)
    {
        if (target.IsEmpty || target[0] != '/' || target.IndexOf("/."u8) >= 0)
            return false;
        foreach (var b in target)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' or (byte)'/'))
                return false;
        }

        return true;
    }

    private static bool TryParseField(ReadOnlySpan<byte> field, ref RequestHead head, ref int hosts)
    {
        var colon = field.IndexOf((byte)':');
        if (colon <= 0)
            return false;
        var name = field[..colon];
        var value = TrimWhitespace(field[(colon + 1)..]);
        if (!IsToken(name) || !IsFieldValue(value))
            return false;

        if (Is(name, "Host"u8))
        {
            hosts++;
            return IsHost(value);
        }

        if (Is(name, "Accept-Encoding"u8))
            return Take(ref head.AcceptEncoding, value);
        if (Is(name, "If-None-Match"u8))
            return Take(ref head.IfNoneMatch, value);
        if (Is(name, "If-Modified-Since"u8))
            return Take(ref head.IfModifiedSince, value);
        if (Is(name, "Connection"u8))
            return Is(value, "keep-alive"u8);

        // A body, an expectation, a protocol switch or a hop-by-hop instruction: Kestrel's business.
        return !(Is(name, "Content-Length"u8) || Is(name, "Transfer-Encoding"u8) || Is(name, "Expect"u8) || Is(name, "Upgrade"u8));
    }

    /// <summary>Keeps a header's value; a repeated or over-long one declines the request.</summary>
    private static bool Take(ref ReadOnlySpan<byte> slot, ReadOnlySpan<byte> value)
    {
        if (!slot.IsEmpty || value.Length > MaxValueBytes)
            return false;
        slot = value;
        return true;
    }

    private static bool Is(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected) =>
        System.Text.Ascii.EqualsIgnoreCase(actual, expected);

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && value[start] is (byte)' ' or (byte)'\t')
            start++;
        var end = value.Length;
        while (end > start && value[end - 1] is (byte)' ' or (byte)'\t')
            end--;
        return value[start..end];
    }

    /// <summary>RFC 9110 token characters (a space before the colon, or a folded line, is not one).</summary>
    private static bool IsToken(ReadOnlySpan<byte> name)
    {
        foreach (var b in name)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || "!#$%&'*+-.^_`|~"u8.Contains(b)))
                return false;
        }

        return true;
    }

    /// <summary>Visible ASCII, spaces and tabs only: no control characters, no obs-text.</summary>
    private static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (!(b is >= 0x20 and < 0x7F || b == '\t'))
                return false;
        }

        return true;
    }

    /// <summary>A reg-name or bracketed IP literal with an optional numeric port, as Kestrel accepts.</summary>
    private static bool IsHost(ReadOnlySpan<byte> value)
    {
        var hostEnd = 0;
        if (value.StartsWith("["u8))
        {
            hostEnd = value.IndexOf((byte)']') + 1;
            if (hostEnd <= 2 || !IsAll(value[1..(hostEnd - 1)], static b => char.IsAsciiHexDigit((char)b) || b is (byte)':' or (byte)'.'))
                return false;
        }
        else
        {
            while (hostEnd < value.Length && (char.IsAsciiLetterOrDigit((char)value[hostEnd]) || value[hostEnd] is (byte)'-' or (byte)'.'))
                hostEnd++;
            if (hostEnd == 0)
                return false;
        }

        var port = value[hostEnd..];
        return port.IsEmpty || (port[0] == ':' && port.Length <= 6 && IsAll(port[1..], static b => char.IsAsciiDigit((char)b)));
    }

    private static bool IsAll(ReadOnlySpan<byte> value, Func<byte, bool> accepts)
    {
        foreach (var b in value)
        {
            if (!accepts(b))
                return false;
        }

        return true;
    }
}
