using System.Text;

namespace Aggregator.Parsing.Charsets;

/// <summary>
/// A <see cref="TextReader"/> over a document already in memory: each read decodes the next bytes
/// straight into the caller's buffer (the XmlReader's own). A <see cref="StreamReader"/> over a
/// <see cref="MemoryStream"/> copied every byte into its byte buffer, decoded into its char buffer,
/// and the XmlReader copied the chars once more — two copies of the document and 48 KB of buffers per
/// document, ~7% of a bare XmlReader pass over the generated corpus. Decoding errors surface as the
/// encoding's decoder raises them (<see cref="DecoderFallbackException"/> from a throwing encoding).
/// </summary>
internal sealed class BytesTextReader(ReadOnlyMemory<byte> bytes, Encoding encoding) : TextReader
{
    /// <summary>One code point never needs more chars than this (a surrogate pair).</summary>
    private const int MaxCharsPerCodePoint = 2;

    private readonly Decoder decoder = encoding.GetDecoder();
    private readonly char[] held = new char[MaxCharsPerCodePoint];
    private ReadOnlyMemory<byte> rest = bytes;
    private int heldStart;
    private int heldEnd;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var written = TakeHeld(buffer);
        while (written < buffer.Length && !rest.IsEmpty)
        {
            var space = buffer[written..];
            if (space.Length < MaxCharsPerCodePoint)
            {
                // Too little room for any code point: decode one into the held chars and hand out what fits.
                Hold();
                written += TakeHeld(space);
                break;
            }

            // Flush: the bytes left are the whole rest of the document, so nothing is left half-decoded
            // between calls; the decoder stops at a code point boundary when the buffer is full.
            decoder.Convert(rest.Span, space, flush: true, out var used, out var made, out _);
            rest = rest[used..];
            written += made;
            if (made == 0 && used == 0)
            {
                break; // cannot happen with room for a code point; never spin
            }
        }

        return written;
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override int Peek()
    {
        if (heldStart == heldEnd && !rest.IsEmpty)
        {
            Hold();
        }

        return heldStart < heldEnd ? held[heldStart] : -1;
    }

    /// <summary>Decodes the next code point (one or two chars) into <see cref="held"/>; called only when it is empty.</summary>
    private void Hold()
    {
        decoder.Convert(rest.Span, held, flush: true, out var used, out var made, out _);
        rest = rest[used..];
        heldStart = 0;
        heldEnd = made;
    }

    private int TakeHeld(Span<char> buffer)
    {
        var n = Math.Min(heldEnd - heldStart, buffer.Length);
        held.AsSpan(heldStart, n).CopyTo(buffer);
        heldStart += n;
        return n;
    }
}
