using System.Buffers;
using System.Globalization;
using System.Text;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// One pass over the decoded text that makes real-world feeds acceptable to a strict XmlReader
/// without a DTD: HTML named entities become numeric references, bare <c>&amp;</c> becomes
/// <c>&amp;amp;</c>, control characters go, the DOCTYPE is cut out (its plain-text entities are
/// kept), and a misplaced XML declaration is dropped. CDATA sections and comments are left alone.
/// A document that needs none of this is returned as the same string, without copying.
/// </summary>
internal static class XmlRepair
{
    private static readonly SearchValues<char> Attention = SearchValues.Create(
        "&\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF" +
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>What windows-1252 puts at 0x80–0x9F: where C1 controls in a feed nearly always came from ("demoronizing").</summary>
    private static readonly string Cp1252High = Charsets.CharsetDecoder.Windows1252High();

    public static string Repair(string text)
    {
        var edit = new TextEdit(text);
        var pos = RepairProlog(text, ref edit, out var entities);
        var nextCdata = Find(text, "<![CDATA[", pos);
        var nextComment = Find(text, "<!--", pos);
        while (pos < text.Length)
        {
            var rel = text.AsSpan(pos).IndexOfAny(Attention);
            if (rel < 0)
            {
                break;
            }

            var i = pos + rel;
            if (nextCdata < i || nextComment < i)
            {
                // Jump over the earlier of the two sections; its content is not markup.
                var inCdata = nextCdata < nextComment;
                var open = inCdata ? nextCdata : nextComment;
                var close = Find(text, inCdata ? "]]>" : "-->", open + 4);
                pos = close == int.MaxValue ? text.Length : close + 3;
                nextCdata = Find(text, "<![CDATA[", pos);
                nextComment = Find(text, "<!--", pos);
                continue;
            }

            if (text[i] != '&')
            {
                edit.Replace(i, i + 1, text[i] is >= '\u0080' and <= '\u009F' ? Cp1252High[text[i] - 0x80].ToString() : string.Empty);
                pos = i + 1;
                continue;
            }

            pos = RepairReference(text, i, entities, ref edit);
        }

        return edit.Finish();
    }

    /// <summary>Handles the reference starting at <paramref name="amp"/>; returns where scanning continues.</summary>
    private static int RepairReference(string text, int amp, Dictionary<string, string>? entities, ref TextEdit edit)
    {
        var j = amp + 1;
        if (j < text.Length && text[j] == '#')
        {
            var k = j + 1;
            var hex = k < text.Length && (text[k] == 'x' || text[k] == 'X');
            if (hex)
            {
                k++;
            }

            var digitsStart = k;
            while (k < text.Length && k - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(text[k]) : char.IsAsciiDigit(text[k])))
            {
                k++;
            }

            if (k > digitsStart && k < text.Length && text[k] == ';'
                && int.TryParse(text.AsSpan(digitsStart, k - digitsStart), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                if (!IsXmlChar(code))
                {
                    edit.Replace(amp, k + 1, string.Empty); // &#1; and friends would stop the reader
                }
                else if (code is >= 0x80 and <= 0x9F)
                {
                    edit.Replace(amp, k + 1, "&#" + ((int)Cp1252High[code - 0x80]).ToString(CultureInfo.InvariantCulture) + ";");
                }
                else if (hex && text[j + 1] == 'X')
                {
                    edit.Replace(amp, k + 1, "&#x" + text[digitsStart..k] + ";"); // XML wants a lower-case x
                }

                return k + 1;
            }

            edit.Replace(amp, amp + 1, "&amp;");
            return amp + 1;
        }

        var end = j;
        while (end < text.Length && end - j < 32 && (char.IsAsciiLetterOrDigit(text[end]) || (end > j && text[end] is '_' or '.' or '-')))
        {
            end++;
        }

        if (end == j || end >= text.Length || text[end] != ';' || !char.IsAsciiLetter(text[j]))
        {
            edit.Replace(amp, amp + 1, "&amp;"); // a bare ampersand in text or a URL
            return amp + 1;
        }

        var name = text.AsSpan(j, end - j);
        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            return end + 1;
        }

        var nameText = name.ToString();
        var value = entities is not null && entities.TryGetValue(nameText, out var declared) ? declared : HtmlEntityTable.Lookup(nameText);
        edit.Replace(amp, end + 1, value is null ? "&amp;" + nameText + ";" : Escape(value));
        return end + 1;
    }

    /// <summary>Cleans what precedes the root element; returns where the body starts.</summary>
    private static int RepairProlog(string text, ref TextEdit edit, out Dictionary<string, string>? entities)
    {
        entities = null;
        var pos = 0;
        while (true)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (string.CompareOrdinal(text, pos, "<?", 0, 2) == 0)
            {
                var end = Find(text, "?>", pos);
                if (end == int.MaxValue)
                {
                    return pos;
                }

                if (pos > 0 && string.CompareOrdinal(text, pos, "<?xml", 0, 5) == 0 && pos + 5 < text.Length && char.IsWhiteSpace(text[pos + 5]))
                {
                    edit.Replace(pos, end + 2, string.Empty); // an XML declaration is only legal at offset 0
                }

                pos = end + 2;
            }
            else if (string.CompareOrdinal(text, pos, "<!--", 0, 4) == 0)
            {
                var end = Find(text, "-->", pos + 4);
                if (end == int.MaxValue)
                {
                    return pos;
                }

                pos = end + 3;
            }
            else if (string.Compare(text, pos, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var end = DoctypeEnd(text, pos, out var subsetStart, out var subsetEnd);
                if (subsetStart >= 0)
                {
                    entities = DoctypeEntities.Read(text.AsSpan(subsetStart, subsetEnd - subsetStart));
                }

                edit.Replace(pos, end, string.Empty);
                pos = end;
            }
            else
            {
                return pos;
            }
        }
    }

    private static int DoctypeEnd(string text, int start, out int subsetStart, out int subsetEnd)
    {
        subsetStart = subsetEnd = -1;
        var gt = text.IndexOf('>', start);
        var bracket = text.IndexOf('[', start);
        if (bracket < 0 || (gt >= 0 && gt < bracket))
        {
            return gt < 0 ? text.Length : gt + 1;
        }

        // The internal subset ends at the first ']' followed (after spaces) by '>'.
        var k = bracket;
        while ((k = text.IndexOf(']', k + 1)) >= 0)
        {
            var m = k + 1;
            while (m < text.Length && char.IsWhiteSpace(text[m]))
            {
                m++;
            }

            if (m < text.Length && text[m] == '>')
            {
                subsetStart = bracket + 1;
                subsetEnd = k;
                return m + 1;
            }
        }

        return text.Length;
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length * 6);
        foreach (var rune in value.EnumerateRunes())
        {
            sb.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return sb.ToString();
    }

    internal static bool IsXmlChar(int code) =>
        code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static int Find(string text, string value, int from)
    {
        if (from >= text.Length)
        {
            return int.MaxValue;
        }

        var i = text.IndexOf(value, from, StringComparison.Ordinal);
        return i < 0 ? int.MaxValue : i;
    }
}
