using System.Text;
using Aggregator.Parsing.Charsets;

namespace Aggregator.Tests.Parsing.Charsets;

public sealed class CharsetDecoderTests
{
    static CharsetDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Document(string encodingName, string declared, string title) =>
        Encoding.GetEncoding(encodingName).GetBytes($"<?xml version=\"1.0\" encoding=\"{declared}\"?><rss><channel><title>{title}</title></channel></rss>");

    [Fact]
    public void GbkBodyWithGb2312DeclarationDecodes()
    {
        // 镕 and 堃 are in GBK but not in GB2312: a strict GB2312 decoder would lose them.
        var bytes = Document("GB18030", "gb2312", "朱镕基 王堃 证券时报");

        var decoded = CharsetDecoder.Decode(bytes, "text/xml; charset=GB2312");

        Assert.Contains("朱镕基 王堃 证券时报", decoded.Text, StringComparison.Ordinal);
        Assert.Equal("gb18030", decoded.EncodingName);
        Assert.False(decoded.HadInvalidBytes);
    }

    [Theory]
    [InlineData("big5", "big5", "財經新聞")]
    [InlineData("shift_jis", "Shift_JIS", "株式市場")]
    [InlineData("euc-kr", "EUC-KR", "증권 시장")]
    [InlineData("koi8-r", "KOI8-R", "Биржа")]
    [InlineData("windows-1251", "windows-1251", "Биржа")]
    [InlineData("windows-1252", "windows-1252", "Café €")]
    [InlineData("iso-8859-2", "ISO-8859-2", "Žluťoučký kůň")]
    [InlineData("iso-8859-7", "iso-8859-7", "Χρηματιστήριο")]
    public void DeclaredLegacyCharsetsDecode(string encoding, string declared, string text)
    {
        var decoded = CharsetDecoder.Decode(Document(encoding, declared, text), null);

        Assert.Contains(text, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderCharsetWinsOverTheDeclarationForApplicationXml()
    {
        var bytes = Document("windows-1251", "iso-8859-1", "Биржа");

        var decoded = CharsetDecoder.Decode(bytes, "application/rss+xml; charset=\"windows-1251\"");

        Assert.Contains("Биржа", decoded.Text, StringComparison.Ordinal);
        Assert.Equal("windows-1251", decoded.EncodingName);
    }

    [Fact]
    public void CharsetOnlyInTheHeaderDecodes()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("<rss><channel><title>沪深股市</title></channel></rss>");

        var decoded = CharsetDecoder.Decode(bytes, "application/xml;charset=gbk");

        Assert.Contains("沪深股市", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarkWinsOverAContradictingHeader()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<rss><channel><title>Ünïcode</title></channel></rss>")).ToArray();

        var decoded = CharsetDecoder.Decode(bytes, "text/xml; charset=iso-8859-1");

        Assert.StartsWith("<rss>", decoded.Text, StringComparison.Ordinal);
        Assert.Equal("utf-16le", decoded.EncodingName);
    }

    [Fact]
    public void TextXmlWithoutCharsetIsUsAsciiAsFeedparserReadsRfc3023()
    {
        var bytes = Document("utf-8", "iso-8859-1", "plain ascii");

        Assert.Equal("us-ascii", CharsetDecoder.Decode(bytes, "text/xml").EncodingName);
    }

    [Fact]
    public void TextXmlWithoutCharsetButNonAsciiBytesFallsBackToTheDeclaration()
    {
        var bytes = Document("GB18030", "gb2312", "证券");

        var decoded = CharsetDecoder.Decode(bytes, "text/xml");

        Assert.Contains("证券", decoded.Text, StringComparison.Ordinal);
        Assert.Equal("gb18030", decoded.EncodingName);
    }

    [Fact]
    public void Utf16WithoutByteOrderMarkIsRecognisedFromItsLayout()
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>");

        var decoded = CharsetDecoder.Decode(bytes, null);

        Assert.Equal("utf-16be", decoded.EncodingName);
        Assert.EndsWith("<rss/>", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidBytesBecomeReplacementCharactersInsteadOfThrowing()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "<rss><channel><title>a"u8, 0xFF, 0xFE, 0xC3, .. "b</title></channel></rss>"u8];

        var decoded = CharsetDecoder.Decode(bytes, null);

        Assert.True(decoded.HadInvalidBytes);
        Assert.Contains('\uFFFD', decoded.Text);
    }

    [Fact]
    public void UndeclaredInvalidUtf8FallsBackToWindows1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<rss><channel><title>Café</title></channel></rss>");

        var decoded = CharsetDecoder.Decode(bytes, null);

        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Contains("Café", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UndeclaredGbkIsRecognisedAsChinese()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("<rss><channel><title>沪深两市成交额突破万亿，北向资金净流入</title></channel></rss>");

        var decoded = CharsetDecoder.Decode(bytes, null);

        Assert.Equal("gb18030", decoded.EncodingName);
        Assert.Contains("沪深两市成交额突破万亿，北向资金净流入", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UndeclaredLatin1IsNotMistakenForChinese()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<rss><channel><title>Les marchés ouvrent en hausse, thé et café</title></channel></rss>");

        var decoded = CharsetDecoder.Decode(bytes, null);

        Assert.Equal("windows-1252", decoded.EncodingName);
    }
}
