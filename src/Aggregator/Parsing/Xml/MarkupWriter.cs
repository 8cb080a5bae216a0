using System.Text;
using System.Xml;

namespace Aggregator.Parsing.Xml;

/// <summary>Writes XML elements found inside content back out as HTML (unprefixed XHTML names, no namespace declarations).</summary>
internal static class MarkupWriter
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Writes the element the cursor is on, with everything inside it; leaves the cursor on its end.</summary>
    public static void WriteElement(FeedXmlReader cursor, StringBuilder sb)
    {
        var reader = cursor.Reader;
        var startDepth = reader.Depth;
        do
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    var name = ElementName(cursor);
                    WriteStartTag(reader, sb, name);
                    if (empty)
                    {
                        sb.Append(VoidElements.Contains(name) ? " />" : "></" + name + ">");
                        if (reader.Depth == startDepth)
                        {
                            return;
                        }
                    }
                    else
                    {
                        sb.Append('>');
                    }

                    break;
                case XmlNodeType.EndElement:
                    sb.Append("</").Append(ElementName(cursor)).Append('>');
                    if (reader.Depth == startDepth)
                    {
                        return;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    AppendEscaped(sb, reader.Value, attribute: false);
                    break;
            }
        }
        while (cursor.Read());
    }

    public static void AppendEscaped(StringBuilder sb, string value, bool attribute)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var replacement = value[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                _ => null,
            };
            if (replacement is not null)
            {
                sb.Append(value, start, i - start).Append(replacement);
                start = i + 1;
            }
        }

        sb.Append(value, start, value.Length - start);
    }

    private static string ElementName(FeedXmlReader cursor)
    {
        var reader = cursor.Reader;
        var ns = reader.NamespaceURI;
        return ns.Length == 0 || ReferenceEquals(ns, cursor.Names.Xhtml) || ReferenceEquals(ns, cursor.Names.Atom) ? reader.LocalName : reader.Name;
    }

    private static void WriteStartTag(XmlReader reader, StringBuilder sb, string name)
    {
        sb.Append('<').Append(name);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix == "xmlns" || reader.Name == "xmlns")
                {
                    continue;
                }

                sb.Append(' ').Append(reader.Name).Append("=\"");
                AppendEscaped(sb, reader.Value, attribute: true);
                sb.Append('"');
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }
    }
}
