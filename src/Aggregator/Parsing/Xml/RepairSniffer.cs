namespace Aggregator.Parsing.Xml;

/// <summary>Decides, from the raw bytes, whether a document may skip the repair pass.</summary>
internal static class RepairSniffer
{
    /// <summary>
    /// Whether UTF-8 (or ASCII) bytes hold something only the repair pass fixes without a reader
    /// error to reveal it: C1 characters (U+0080–U+009F, read as windows-1252) written raw or as
    /// numeric references, and references to characters XML forbids. Everything else the repair
    /// pass fixes makes the reader fail, which sends the document down the repaired path anyway.
    /// </summary>
    /// <remarks>
    /// One pass over the bytes for both marks: 0xC2 (the lead byte of a raw C1 character) and '#' (a
    /// numeric reference is "&amp;#"; '#' is rare in feeds otherwise). Two passes, one per mark, were
    /// ~3% of a re-poll's scan of every document.
    /// </remarks>
    public static bool NeedsRepair(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        int found;
        while ((found = utf8[at..].IndexOfAny((byte)0xC2, (byte)'#')) >= 0)
        {
            var i = at + found;
            at = i + 1;
            if (utf8[i] == 0xC2)
            {
                if (at < utf8.Length && utf8[at] is >= 0x80 and <= 0x9F)
                {
                    return true;
                }
            }
            else if (i > 0 && utf8[i - 1] == '&' && ReferenceNeedsRepair(utf8[at..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After "&amp;#": an upper-case X, or a number naming a C1 character or one XML forbids.</summary>
    private static bool ReferenceNeedsRepair(ReadOnlySpan<byte> rest)
    {
        if (rest.Length > 0 && rest[0] == 'X')
        {
            return true;
        }

        var hex = rest.Length > 0 && rest[0] == 'x';
        var digits = hex ? rest[1..] : rest;
        var code = 0;
        var n = 0;
        while (n < digits.Length && n < 8 && (hex ? char.IsAsciiHexDigit((char)digits[n]) : char.IsAsciiDigit((char)digits[n])))
        {
            code = (code * (hex ? 16 : 10)) + HexValue(digits[n]);
            n++;
        }

        return n > 0 && (code is >= 0x80 and <= 0x9F || !XmlRepair.IsXmlChar(code));
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
