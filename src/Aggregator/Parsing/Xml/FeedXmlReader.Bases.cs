namespace Aggregator.Parsing.Xml;

/// <summary>The depth limit and xml:base tracking, checked on every element the cursor meets.</summary>
internal sealed partial class FeedXmlReader
{
    private void OnElement()
    {
        var depth = _reader.Depth;
        if (depth > MaxDepth)
        {
            throw new FeedParseException($"parse: the document nests elements more than {MaxDepth} levels deep, which no feed does.");
        }

        while (_bases.Count > 0 && _bases.Peek().Depth >= depth)
        {
            _bases.Pop();
        }

        if (_reader.HasAttributes && XmlBase() is { } xmlBase && Uri.TryCreate(BaseUri, xmlBase.Trim(), out var resolved))
        {
            _bases.Push((depth, resolved));
        }
    }

    /// <summary>
    /// The current element's xml:base, its attributes' atomized names compared by reference:
    /// GetAttribute(name, namespace) looked both strings up in the name table on every element with
    /// attributes (most Atom elements), ~1% of a scan.
    /// </summary>
    private string? XmlBase()
    {
        string? value = null;
        var count = _reader.AttributeCount;
        for (var i = 0; i < count; i++)
        {
            _reader.MoveToAttribute(i);
            if (ReferenceEquals(_reader.LocalName, Names.Base) && ReferenceEquals(_reader.NamespaceURI, Names.Xml))
            {
                value = _reader.Value;
                break;
            }
        }

        _reader.MoveToElement();
        return value;
    }
}
