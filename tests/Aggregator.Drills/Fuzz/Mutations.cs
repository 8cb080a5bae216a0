using System.Text;

namespace Aggregator.Drills.Fuzz;

/// <summary>
/// The mutations of issue 6, each from a seed document and a seeded <see cref="Random"/> to new bytes.
/// They are deliberately blunt: the parser must refuse cleanly or parse, never throw anything else,
/// never hang, never balloon.
/// </summary>
internal static class Mutations
{
    private static readonly string[] SoupPieces =
    [
        "<b>", "</b>", "<item>", "</item>", "<entry>", "</entry>", "</channel>", "</rss>", "</feed>", "<p><i></p></i>",
        "<![CDATA[", "]]>", "<!--", "-->", "<?xml version='1.0'?>", "<!DOCTYPE rss>", "<a:b xmlns:a=''>", "<x:y>", "</",
        "<title>", "</title>", "<link>", "<description>", "<content:encoded>", "<![CDATA[<script>alert(1)</script>]]>",
        "<img src=x onerror=alert(1)>", "&lt;div&gt;", "<>", "< / >", "<a b='1' b='2'>", "<?pi ?>", "<!ELEMENT x ANY>",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC0, 0x80], [0xC1, 0xBF], [0xFF], [0xFE], [0x80], [0xBF, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F], [0xEF, 0xBF, 0xBE], [0xC3],
    ];

    private static readonly string[] Charsets =
    [
        "utf-8", "UTF-16", "utf-16le", "utf-16be", "utf-32", "gb2312", "gbk", "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr",
        "iso-8859-1", "iso-8859-15", "windows-1252", "windows-1251", "koi8-r", "utf-7", "ibm037", "us-ascii", "bogus-charset", "",
        "utf-8\" standalone=\"yes", "x-user-defined", "hz-gb-2312", "iso-2022-jp", "macintosh",
    ];

    private static readonly string[] EntityRefs =
    [
        "&#0;", "&#x0;", "&#xD800;", "&#xDFFF;", "&#x110000;", "&#1114112;", "&#xFFFE;", "&#xFFFF;", "&#99999999999999999999;",
        "&#x;", "&#;", "&#-1;", "&undefined;", "&nbsp;", "&amp", "&#12", "&lol9;", "&xxe;", "&#x1F;", "&#8;", "&#65;&#x42;",
        "&amp;lt;script&amp;gt;", "&#x7F;", "&#128;", "&#x80;",
    ];

    public static byte[] FlipBytes(byte[] input, Random random)
    {
        if (input.Length == 0)
            return [(byte)random.Next(256)];
        var output = (byte[])input.Clone();
        for (var flips = random.Next(1, 33); flips > 0; flips--)
            output[random.Next(output.Length)] ^= (byte)random.Next(1, 256);
        return output;
    }

    public static byte[] Truncate(byte[] input, Random random) => input[..random.Next(input.Length + 1)];

    public static byte[] TagSoup(byte[] input, Random random)
    {
        var output = input;
        for (var pieces = random.Next(1, 9); pieces > 0; pieces--)
        {
            var choice = random.Next(4);
            if (choice == 0)
            {
                // Drop a closing tag: the document goes unbalanced.
                var close = Bytes.IndexOf(output, "</", random.Next(Math.Max(1, output.Length)));
                var end = close < 0 ? -1 : Array.IndexOf(output, (byte)'>', close);
                if (end > close)
                    output = Bytes.Replace(output, close, end - close + 1, []);
                continue;
            }

            var piece = choice == 1 ? $"<r{random.Next(1000)}{(random.Next(2) == 0 ? "/" : "")}>" : SoupPieces[random.Next(SoupPieces.Length)];
            output = Bytes.Insert(output, random.Next(2) == 0 ? Bytes.TextPosition(output, random) : random.Next(output.Length + 1), Bytes.Ascii(piece));
        }

        return output;
    }

    public static byte[] HugeAttribute(byte[] input, Random random)
    {
        var at = Bytes.AttributePosition(input, random);
        var filler = random.Next(3) switch
        {
            0 => new string('A', 1 << 20),
            1 => string.Concat(Enumerable.Repeat("&amp;&#x41;\"", (1 << 20) / 12)).Replace("\"", "&quot;", StringComparison.Ordinal),
            _ => string.Concat(Enumerable.Repeat("x y='", 1 << 18)),
        };
        var attribute = Bytes.Ascii($" fuzz{random.Next(100)}=\"{filler}\"");
        return at < 0 ? Bytes.Insert(input, 0, Bytes.Ascii($"<x{Encoding.ASCII.GetString(attribute)}/>")) : Bytes.Insert(input, at, attribute);
    }

    public static byte[] DeepNesting(byte[] input, Random random)
    {
        const int Levels = 10_000;
        var builder = new StringBuilder(Levels * 16);
        var kind = random.Next(3);
        // Raw elements nest the XML itself; escaped ones nest the HTML the sanitizer parses.
        var (open, close) = kind switch
        {
            0 => ("<d>", "</d>"),
            1 => ("&lt;div&gt;", "&lt;/div&gt;"),
            _ => ("<![CDATA[<div>]]>", "<![CDATA[</div>]]>"),
        };
        builder.Insert(0, open, Levels);
        if (random.Next(2) == 0)
            builder.Insert(builder.Length, close, Levels);
        var description = Bytes.IndexOf(input, "<description>");
        var at = description >= 0 && random.Next(2) == 0 ? description + "<description>".Length : Bytes.TextPosition(input, random);
        return Bytes.Insert(input, at, Bytes.Ascii(builder.ToString()));
    }

    public static byte[] InvalidUtf8Bytes(byte[] input, Random random)
    {
        var output = input;
        for (var count = random.Next(1, 11); count > 0; count--)
            output = Bytes.Insert(output, random.Next(output.Length + 1), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
        return output;
    }

    public static byte[] NulBytes(byte[] input, Random random)
    {
        var output = input;
        for (var count = random.Next(1, 11); count > 0; count--)
            output = Bytes.Insert(output, random.Next(2) == 0 ? Bytes.TextPosition(output, random) : random.Next(output.Length + 1), [0]);
        return output;
    }

    public static byte[] EntityTricks(byte[] input, Random random)
    {
        var output = input;
        if (random.Next(2) == 0)
            output = WithDoctype(output, EntityDocuments.Doctypes[random.Next(EntityDocuments.Doctypes.Length)]);
        for (var count = random.Next(1, 6); count > 0; count--)
            output = Bytes.Insert(output, Bytes.TextPosition(output, random), Bytes.Ascii(EntityRefs[random.Next(EntityRefs.Length)]));
        return output;
    }

    public static byte[] CharsetDeclaration(byte[] input, Random random)
    {
        var charset = Charsets[random.Next(Charsets.Length)];
        var declaration = Bytes.Ascii($"<?xml version=\"1.0\" encoding=\"{charset}\"?>");
        var output = input;
        var start = Bytes.IndexOf(output, "<?xml");
        var end = start < 0 ? -1 : Bytes.IndexOf(output, "?>", start);
        output = end > start ? Bytes.Replace(output, start, end + 2 - start, declaration) : Bytes.Insert(output, 0, declaration);
        // Sometimes a byte-order mark that disagrees with the declaration.
        return random.Next(4) switch
        {
            0 => Bytes.Insert(output, 0, [0xFF, 0xFE]),
            1 => Bytes.Insert(output, 0, [0xEF, 0xBB, 0xBF]),
            2 => Bytes.Insert(output, 0, [0x00, 0x00, 0xFE, 0xFF]),
            _ => output,
        };
    }

    public static byte[] DuplicateItems(byte[] input, Random random)
    {
        var element = Bytes.Element(input, "item") ?? Bytes.Element(input, "entry");
        if (element is not { } found)
            return TagSoup(input, random);
        // Big items are repeated fewer times so one input stays under ~30 MB.
        var times = Math.Clamp((30 << 20) / Math.Max(1, found.Length), 2, 1000);
        var repeated = new byte[found.Length * times];
        for (var i = 0; i < times; i++)
            input.AsSpan(found.Start, found.Length).CopyTo(repeated.AsSpan(i * found.Length));
        return Bytes.Replace(input, found.Start, found.Length, repeated);
    }

    private static byte[] WithDoctype(byte[] input, string doctype)
    {
        var declaration = Bytes.IndexOf(input, "?>");
        var at = declaration >= 0 && declaration < 200 ? declaration + 2 : 0;
        return Bytes.Insert(input, at, Bytes.Ascii(doctype));
    }
}
