using System.Buffers.Text;
using System.Text;

namespace Aggregator.Http.Direct;

/// <summary>
/// Writes the status line and headers of a published file's response, byte for byte what Kestrel
/// writes for <see cref="PublishedFileEndpoint"/>'s response (same headers, same order: Kestrel
/// emits Content-Length, Content-Type, Date, then the others in its fixed order).
/// </summary>
internal static class ResponseHead
{
    /// <summary>Room for the head: the status line, the fixed names and the values (each bounded by what publishing produces).</summary>
    public static int MaxLength(ServedFile file, ServedVariant variant, int cacheControlLength) =>
        256 + file.ContentType.ToString().Length + variant.ETagText.Length + cacheControlLength + 64;

    /// <summary>A 200 (or, with <paramref name="notModified"/>, a 304) head; returns the bytes written.</summary>
    public static int Write(Span<byte> target, ServedFile file, ServedVariant variant, bool notModified, ReadOnlySpan<byte> date, ReadOnlySpan<byte> cacheControl)
    {
        var at = 0;
        if (notModified)
        {
            Append(target, ref at, "HTTP/1.1 304 Not Modified\r\n"u8);
        }
        else
        {
            Append(target, ref at, "HTTP/1.1 200 OK\r\nContent-Length: "u8);
            Utf8Formatter.TryFormat(variant.Body.Length, target[at..], out var digits);
            at += digits;
            Append(target, ref at, "\r\nContent-Type: "u8);
            Append(target, ref at, file.ContentType.ToString());
            Append(target, ref at, "\r\n"u8);
        }

        Append(target, ref at, "Date: "u8);
        Append(target, ref at, date);
        Append(target, ref at, "\r\nCache-Control: "u8);
        Append(target, ref at, cacheControl);
        if (!notModified && variant.ContentEncoding.Count > 0)
        {
            Append(target, ref at, "\r\nContent-Encoding: "u8);
            Append(target, ref at, variant.ContentEncoding.ToString());
        }

        Append(target, ref at, "\r\nETag: "u8);
        Append(target, ref at, variant.ETagText);
        Append(target, ref at, "\r\nLast-Modified: "u8);
        Append(target, ref at, file.LastModifiedText.ToString());
        Append(target, ref at, "\r\nVary: Accept-Encoding\r\n\r\n"u8);
        return at;
    }

    private static void Append(Span<byte> target, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target[at..]);
        at += bytes.Length;
    }

    private static void Append(Span<byte> target, ref int at, string text) =>
        at += Encoding.ASCII.GetBytes(text, target[at..]);
}
