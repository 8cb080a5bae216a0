using System.Text;

namespace Aggregator.Configuration.Json;

/// <summary>
/// Maps byte offsets of a UTF-8 text to 1-based line and character column. Lines end at LF
/// (CRLF included), exactly as <see cref="System.Text.Json.Utf8JsonReader"/> counts them.
/// </summary>
internal sealed class LineMap
{
    private readonly byte[] _text;
    private readonly List<int> _lineStarts = [0];

    public LineMap(byte[] text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
                _lineStarts.Add(i + 1);
        }
    }

    /// <summary>The line and column of the character that starts at <paramref name="offset"/>.</summary>
    public TextPosition At(long offset)
    {
        var clamped = (int)Math.Clamp(offset, 0, _text.Length);
        var line = _lineStarts.BinarySearch(clamped);
        if (line < 0)
            line = ~line - 1;
        var start = _lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(_text.AsSpan(start, clamped - start)) + 1;
        return new TextPosition(line + 1, column);
    }

    /// <summary>The byte offset of a 0-based line and byte position, as JSON reader errors give them.</summary>
    public long OffsetOf(long zeroBasedLine, long bytePositionInLine)
    {
        if (zeroBasedLine >= _lineStarts.Count)
            return _text.Length;
        return _lineStarts[(int)zeroBasedLine] + bytePositionInLine;
    }
}
