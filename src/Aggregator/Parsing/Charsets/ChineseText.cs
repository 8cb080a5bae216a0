namespace Aggregator.Parsing.Charsets;

/// <summary>
/// Whether text decoded by guess reads as Chinese: nearly all of its non-ASCII characters are CJK
/// ideographs or the punctuation Chinese text uses. Latin-1 bytes misread as GBK fail this (or fail
/// strict decoding first), so a wrong guess falls through to windows-1252.
/// </summary>
internal static class ChineseText
{
    public static bool IsPlausible(string text)
    {
        int nonAscii = 0, chinese = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            nonAscii++;
            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F')
                or (>= '\uFF00' and <= '\uFFEF') or (>= '\u2010' and <= '\u2027') or '\u00B7' or '\u00D7')
            {
                chinese++;
            }
        }

        return nonAscii > 0 && chinese >= nonAscii * 0.95;
    }
}
