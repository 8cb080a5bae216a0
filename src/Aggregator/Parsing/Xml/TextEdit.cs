using System.Text;

namespace Aggregator.Parsing.Xml;

/// <summary>Copy-on-first-write edits of a string, applied left to right; no copy when nothing changes.</summary>
internal struct TextEdit(string source)
{
    private StringBuilder? _builder;
    private int _copied;

    /// <summary>Replaces source[start..end) by <paramref name="replacement"/>; calls must move forward.</summary>
    public void Replace(int start, int end, string replacement)
    {
        _builder ??= new StringBuilder(source.Length + 256);
        _builder.Append(source, _copied, start - _copied).Append(replacement);
        _copied = end;
    }

    public readonly string Finish()
    {
        if (_builder is null)
        {
            return source;
        }

        return _builder.Append(source, _copied, source.Length - _copied).ToString();
    }
}
