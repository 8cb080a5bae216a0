using System.Text;
using System.Xml;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// A forward-only cursor over a feed document: a secured XmlReader plus what it lacks — a depth
/// limit, xml:base tracking, and reading an element's content as text or markup.
/// </summary>
internal sealed partial class FeedXmlReader : IDisposable
{
    /// <summary>No feed needs more; deeper documents are treated as hostile.</summary>
    public const int MaxDepth = 64;

    private readonly XmlReader _reader;
    private readonly Uri _location;
    private readonly Stack<(int Depth, Uri Base)> _bases = new();
    private StringBuilder? _scratch;

    private FeedXmlReader(XmlReader reader, FeedNames names, Uri location, bool digestBodies)
    {
        _reader = reader;
        Names = names;
        _location = location;
        DigestBodies = digestBodies;
    }

    public FeedNames Names { get; }

    public XmlReader Reader => _reader;

    /// <summary>The base for relative URLs at the current element: the innermost xml:base, else the document's location.</summary>
    public Uri BaseUri => _bases.Count > 0 ? _bases.Peek().Base : _location;

    /// <summary>The innermost xml:base in scope, or null when the document set none.</summary>
    public string? ExplicitBase => _bases.Count > 0 ? _bases.Peek().Base.OriginalString : null;

    public static FeedXmlReader Create(string text, Uri location, IEnumerable<string> undeclaredPrefixes) =>
        Create(new StringReader(text), location, undeclaredPrefixes, checkCharacters: false);

    /// <summary>
    /// Opens the reader over any text. With <paramref name="checkCharacters"/> a stray control character
    /// is an error (the direct path then falls back to the repaired text); without, the repair pass has removed them.
    /// </summary>
    /// <param name="digestBodies">Scan mode: <see cref="ReadBody"/> and <see cref="ReadBodyMarkup"/> return digest tokens instead of the bodies.</param>
    public static FeedXmlReader Create(TextReader text, Uri location, IEnumerable<string> undeclaredPrefixes, bool checkCharacters, bool digestBodies = false)
    {
        var table = new NameTable();
        var names = new FeedNames(table);
        var namespaces = new XmlNamespaceManager(table);
        foreach (var (prefix, uri) in FeedNames.WellKnownPrefixes)
        {
            namespaces.AddNamespace(prefix, uri);
        }

        foreach (var prefix in undeclaredPrefixes)
        {
            namespaces.AddNamespace(prefix, "urn:x-undeclared:" + prefix);
        }

        var settings = new XmlReaderSettings
        {
            // The repair pass already cut the DOCTYPE out; Ignore is the second guard (no DTD, no entity expansion).
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = 64L * 1024 * 1024,
            CheckCharacters = checkCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            NameTable = table,
        };
        var context = new XmlParserContext(table, namespaces, null, XmlSpace.None);
        return new FeedXmlReader(XmlReader.Create(text, settings, context), names, location, digestBodies);
    }

    /// <summary>Advances one node, enforcing the depth limit and tracking xml:base.</summary>
    public bool Read()
    {
        if (!_reader.Read())
        {
            return false;
        }

        if (_reader.NodeType == XmlNodeType.Element)
        {
            OnElement();
        }

        return true;
    }

    /// <summary>Moves to the next child element of the element at <paramref name="parentDepth"/>; false when it has no more.</summary>
    public bool NextChild(int parentDepth)
    {
        while (Read())
        {
            var type = _reader.NodeType;
            if (type == XmlNodeType.Element && _reader.Depth == parentDepth + 1)
            {
                return true;
            }

            if (type == XmlNodeType.EndElement && _reader.Depth == parentDepth)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Reads the current element's content; child elements (HTML written unescaped) come back as markup.</summary>
    /// <summary>Whether the last <see cref="ReadText"/> met child elements (written out as markup) rather than only text.</summary>
    public bool LastTextHadElements { get; private set; }

    public string ReadText()
    {
        LastTextHadElements = false;
        if (_reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = _reader.Depth;
        if (!Read())
        {
            return string.Empty;
        }

        string? first = null;
        if (IsText(_reader.NodeType))
        {
            first = _reader.Value;
            if (!Read() || (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
            {
                return first; // the common case: one text or CDATA node
            }
        }
        else if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
        {
            return string.Empty;
        }

        var sb = _scratch ??= new StringBuilder(1024);
        sb.Clear().Append(first);
        do
        {
            var type = _reader.NodeType;
            if (type == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                break;
            }

            if (IsText(type))
            {
                sb.Append(_reader.Value);
            }
            else if (type == XmlNodeType.Element)
            {
                LastTextHadElements = true;
                MarkupWriter.WriteElement(this, sb);
            }
        }
        while (Read());

        return sb.ToString();
    }

    /// <summary>Reads only the text of the current element, leaving out child elements (a category with stray markup inside).</summary>
    public string ReadPlainText()
    {
        if (_reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = _reader.Depth;
        string? single = null;
        StringBuilder? sb = null;
        while (Read())
        {
            var type = _reader.NodeType;
            if (type == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                break;
            }

            if (IsText(type) && _reader.Depth == depth + 1)
            {
                if (single is null)
                {
                    single = _reader.Value;
                }
                else
                {
                    (sb ??= new StringBuilder(single)).Append(_reader.Value);
                }
            }
        }

        return sb?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>Serializes the current element's children as HTML (Atom xhtml content, without its wrapping div).</summary>
    public string ReadInnerMarkup(bool unwrapDiv)
    {
        if (_reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = _reader.Depth;
        var sb = new StringBuilder(256);
        var unwrapped = false;
        while (Read())
        {
            var type = _reader.NodeType;
            if (type == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                break;
            }

            if (type == XmlNodeType.Element)
            {
                if (unwrapDiv && !unwrapped && sb.Length == 0 && _reader.LocalName == "div" && ReferenceEquals(_reader.NamespaceURI, Names.Xhtml))
                {
                    unwrapped = true;
                    if (_reader.IsEmptyElement)
                    {
                        continue;
                    }

                    sb.Append(ReadInnerMarkup(unwrapDiv: false));
                    continue;
                }

                MarkupWriter.WriteElement(this, sb);
            }
            else if (IsText(type) && (type is XmlNodeType.Text or XmlNodeType.CDATA || sb.Length > 0 || !unwrapDiv))
            {
                MarkupWriter.AppendEscaped(sb, _reader.Value, attribute: false);
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>An attribute of the current element, resolved against xml:base when it is a URL.</summary>
    public string? ResolvedAttribute(string name)
    {
        var value = _reader.GetAttribute(name);
        return value is null ? null : Resolve(value);
    }

    /// <summary>Resolves a reference against the current base; returns it unchanged when that fails.</summary>
    public string Resolve(string reference)
    {
        var trimmed = reference.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        if (trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || (trimmed.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(trimmed, UriKind.Absolute, out _)))
        {
            return trimmed; // already absolute: keep it exactly as written (and skip a Uri parse on the hot path)
        }

        return Uri.TryCreate(BaseUri, trimmed, out var resolved) ? resolved.ToString() : trimmed;
    }

    public void Dispose() => _reader.Dispose();

    private static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;
}
