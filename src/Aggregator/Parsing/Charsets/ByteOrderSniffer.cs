namespace Aggregator.Parsing.Charsets;

/// <summary>
/// Detects a byte-order mark, or the UTF-16/32 layout of a leading <c>&lt;?</c> when there is none
/// (XML 1.0 appendix F), the way feedparser does.
/// </summary>
internal static class ByteOrderSniffer
{
    /// <summary>The charset the first bytes announce and how many BOM bytes to skip; null when they announce nothing.</summary>
    public static (string Name, int BomLength)? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 4)
        {
            if (data[0] == 0x00 && data[1] == 0x00 && data[2] == 0xFE && data[3] == 0xFF)
            {
                return ("utf-32be", 4);
            }

            if (data[0] == 0xFF && data[1] == 0xFE && data[2] == 0x00 && data[3] == 0x00)
            {
                return ("utf-32le", 4);
            }

            if (data[0] == 0x00 && data[1] == 0x00 && data[2] == 0x00 && data[3] == 0x3C)
            {
                return ("utf-32be", 0);
            }

            if (data[0] == 0x3C && data[1] == 0x00 && data[2] == 0x00 && data[3] == 0x00)
            {
                return ("utf-32le", 0);
            }

            if (data[0] == 0x00 && data[1] == 0x3C && data[2] == 0x00 && data[3] == 0x3F)
            {
                return ("utf-16be", 0);
            }

            if (data[0] == 0x3C && data[1] == 0x00 && data[2] == 0x3F && data[3] == 0x00)
            {
                return ("utf-16le", 0);
            }
        }

        if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        {
            return ("utf-8", 3);
        }

        if (data.Length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
        {
            return ("utf-16be", 2);
        }

        if (data.Length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
        {
            return ("utf-16le", 2);
        }

        return null;
    }
}
