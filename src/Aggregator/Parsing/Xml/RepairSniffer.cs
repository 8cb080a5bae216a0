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
    public static bool NeedsRepair(ReadOnlySpan<byte> utf8)
    {
        var rest = utf8;
        int i;
        while ((i = rest.IndexOf((byte)0xC2)) >= 0)
        {
            if (i + 1 < rest.Length && rest[i + 1] is >= 0x80 and <= 0x9F)
            {
                return true;
            }

            rest = rest[(i + 1)..];
        }

        rest = utf8;
        while ((i = rest.IndexOf("&#"u8)) >= 0)
        {
            rest = rest[(i + 2)..];
            var hex = rest.Length > 0 && (rest[0] | 0x20) == 'x';
            if (rest.Length > 0 && rest[0] == 'X')
            {
                return true;
            }

            var digits = hex ? rest[1..] : rest;
            var code = 0;
            var n = 0;
            while (n < digits.Length && n < 8 && (hex ? char.IsAsciiHexDigit((char)digits[n]) : char.IsAsciiDigit((char)digits[n])))
            {
                code = (code * (hex ? 16 : 10)) + HexValue(digits[n]);
                n++;
            }

            if (n > 0 && (code is >= 0x80 and <= 0x9F || !XmlRepair.IsXmlChar(code)))
            {
                return true;
            }
        }

        return false;
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
