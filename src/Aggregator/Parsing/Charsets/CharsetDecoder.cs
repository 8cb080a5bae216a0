using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Parsing.Charsets;

/// <summary>
/// Turns feed bytes into text. Precedence, as feedparser: a real byte-order mark wins; otherwise the
/// RFC 3023 charset (HTTP charset; for application/*xml the XML declaration; for text/*xml us-ascii),
/// then the XML declaration, then UTF-8, then windows-1252 — the first that decodes without error.
/// GB2312 and GBK are read as GB18030, their superset. Invalid bytes never throw.
/// </summary>
internal static partial class CharsetDecoder
{
    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedDocument Decode(ReadOnlySpan<byte> data, string? contentType)
    {
        var header = ContentTypeHeader.Parse(contentType);
        var sniffed = ByteOrderSniffer.Sniff(data);
        if (sniffed is { BomLength: > 0 } bom)
        {
            // A BOM is the one signal a server cannot get wrong by misconfiguration: it wins over any header.
            var (text, invalid) = DecodeLenient(data[bom.BomLength..], bom.Name);
            return new DecodedDocument(text, bom.Name, invalid);
        }

        var candidates = Candidates(data, header, sniffed);
        for (var i = 0; i < candidates.Length; i++)
        {
            var name = candidates[i];
            if (name is null || Array.IndexOf(candidates, name) < i)
            {
                continue;
            }

            var strict = Lookup(name, strict: true);
            if (strict is null)
            {
                continue; // a bogus charset name: try the next candidate
            }

            try
            {
                var text = StripBom(strict.GetString(data));
                if (i != GuessIndex || ChineseText.IsPlausible(text))
                {
                    return new DecodedDocument(text, name, false);
                }
            }
            catch (DecoderFallbackException)
            {
                // not this charset; the next candidate may fit
            }
        }

        var rfc3023 = candidates[0]!;
        var fallback = Lookup(rfc3023, strict: false) is null ? "utf-8" : rfc3023;
        var (lenient, _) = DecodeLenient(data, fallback);
        return new DecodedDocument(lenient, fallback, true);
    }

    /// <summary>
    /// The encoding to stream the bytes through when <see cref="Decode"/> would settle on it without
    /// trying another: UTF-8 and the common CJK charsets as strict decoders (an invalid byte throws
    /// mid-stream and the caller falls back to the full decode), ASCII when the bytes are ASCII.
    /// Null when only the full decode can tell. <paramref name="skip"/> is the BOM length.
    /// </summary>
    public static Encoding? DirectEncoding(ReadOnlySpan<byte> data, string? contentType, out int skip)
    {
        skip = 0;
        var sniffed = ByteOrderSniffer.Sniff(data);
        if (sniffed is { } layout)
        {
            skip = layout.BomLength;
            return layout is { Name: "utf-8", BomLength: 3 } && System.Text.Unicode.Utf8.IsValid(data[3..]) ? ValidatedUtf8 : null;
        }

        var candidates = Candidates(data, ContentTypeHeader.Parse(contentType), null);
        foreach (var name in candidates)
        {
            switch (name)
            {
                case null:
                    continue;
                case "utf-8":
                    return StrictUtf8;
                case "us-ascii" when Ascii.IsValid(data):
                    return ValidatedUtf8;
                case "us-ascii":
                    continue; // Decode would move on to the next candidate as well
                case "gb18030" or "big5" or "shift_jis" or "euc-kr":
                    return Lookup(name, strict: true);
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>For bytes already validated as UTF-8: the plain decoder is the fastest, nothing can go wrong.</summary>
    private const int GuessIndex = 4;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding ValidatedUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static string?[] Candidates(ReadOnlySpan<byte> data, ContentTypeHeader header, (string Name, int BomLength)? sniffed)
    {
        var declared = Canonical(ReadDeclaredEncoding(data, sniffed?.Name));
        if (sniffed is { } layout && declared is not null && (declared.StartsWith("utf-16", StringComparison.Ordinal) || declared.StartsWith("utf-32", StringComparison.Ordinal)))
        {
            declared = layout.Name; // "utf-16" without a BOM: the byte layout says which endianness.
        }

        var headerCharset = Canonical(header.Charset);
        string rfc3023;
        if (header.IsApplicationXml)
        {
            rfc3023 = headerCharset ?? declared ?? "utf-8";
        }
        else if (header.IsTextXml || header.MediaType.StartsWith("text/", StringComparison.Ordinal))
        {
            rfc3023 = headerCharset ?? "us-ascii";
        }
        else if (header.IsJson)
        {
            rfc3023 = headerCharset ?? "utf-8";
        }
        else
        {
            rfc3023 = declared ?? headerCharset ?? sniffed?.Name ?? "utf-8";
        }

        // Nothing declared and not UTF-8: Chinese sites that declare nothing send GBK, so try GB18030
        // (accepted only when the result reads as Chinese) before windows-1252.
        var guess = declared is null && headerCharset is null && sniffed is null ? "gb18030" : null;
        return [rfc3023, declared, sniffed?.Name, "utf-8", guess, "windows-1252"];
    }

    /// <summary>The 32 characters windows-1252 assigns to bytes 0x80–0x9F.</summary>
    internal static string Windows1252High()
    {
        var bytes = new byte[32];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(0x80 + i);
        }

        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    /// <summary>Maps charset labels onto the names we decode with; GB2312/GBK become GB18030.</summary>
    internal static string? Canonical(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().ToLowerInvariant();
        return name switch
        {
            "gb2312" or "gbk" or "x-gbk" or "cp936" or "gb_2312-80" or "euc-cn" or "x-euc-cn" or "gb18030" => "gb18030",
            "utf8" or "utf_8" => "utf-8",
            "ascii" or "us_ascii" => "us-ascii",
            "latin1" or "latin-1" or "iso8859-1" or "iso_8859-1" => "iso-8859-1",
            "utf16" or "utf_16" or "u16" => "utf-16",
            "utf32" or "utf_32" or "u32" => "utf-32",
            "big5-hkscs" or "x-big5" or "cp950" => "big5",
            "sjis" or "shift-jis" or "x-sjis" or "ms_kanji" or "cp932" => "shift_jis",
            _ => name,
        };
    }

    private static (string Text, bool Invalid) DecodeLenient(ReadOnlySpan<byte> data, string name)
    {
        var strict = Lookup(name, strict: true);
        if (strict is not null)
        {
            try
            {
                return (StripBom(strict.GetString(data)), false);
            }
            catch (DecoderFallbackException)
            {
                // decode again below, replacing the bad bytes
            }
        }

        var lenient = Lookup(name, strict: false) ?? Encoding.UTF8;
        return (StripBom(lenient.GetString(data)), true);
    }

    private static Encoding? Lookup(string name, bool strict)
    {
        try
        {
            return strict
                ? Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                : Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            // Unknown names, and ones .NET refuses on purpose (UTF-7): not a candidate.
            return null;
        }
    }

    private static string? ReadDeclaredEncoding(ReadOnlySpan<byte> data, string? layout)
    {
        var head = data[..Math.Min(data.Length, 1024)];
        var text = layout is null ? Encoding.Latin1.GetString(head) : (Lookup(layout, strict: false)?.GetString(head) ?? string.Empty);
        var match = XmlDeclarationEncoding().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""")]
    private static partial Regex XmlDeclarationEncoding();
}
