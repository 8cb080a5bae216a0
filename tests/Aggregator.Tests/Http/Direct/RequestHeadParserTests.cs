using System.Text;
using Aggregator.Http.Direct;

namespace Aggregator.Tests.Http.Direct;

public sealed class RequestHeadParserTests
{
    [Fact]
    public void APlainGetIsParsedWithItsPathAndTrimmedValues()
    {
        var bytes = Bytes("GET /feeds/all.atom HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept-Encoding:  gzip, br \r\n" +
            "If-None-Match: \"abc\"\r\nIf-Modified-Since: Sun, 30 Jun 2024 08:52:27 GMT\r\nUser-Agent: wrk\r\n\r\nGET /next");

        Assert.Equal(ParseStatus.Parsed, RequestHeadParser.Parse(bytes, out var head));
        Assert.False(head.IsHead);
        Assert.Equal("/feeds/all.atom", Text(head.Path));
        Assert.Equal("gzip, br", Text(head.AcceptEncoding));
        Assert.Equal("\"abc\"", Text(head.IfNoneMatch));
        Assert.Equal("Sun, 30 Jun 2024 08:52:27 GMT", Text(head.IfModifiedSince));
        Assert.Equal(bytes.Length - "GET /next".Length, head.Length);
    }

    [Fact]
    public void HeadIsParsedAndAbsentHeadersAreEmpty()
    {
        Assert.Equal(ParseStatus.Parsed, RequestHeadParser.Parse(Bytes("HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: Keep-Alive\r\n\r\n"), out var head));
        Assert.True(head.IsHead);
        Assert.Equal("/", Text(head.Path));
        Assert.True(head.AcceptEncoding.IsEmpty);
        Assert.True(head.IfNoneMatch.IsEmpty);
        Assert.True(head.IfModifiedSince.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\n\r")]
    [InlineData("GET /feeds/all.atom HTT")]
    [InlineData("GE")]
    [InlineData("HEAD")]
    public void AHeadWithoutItsEmptyLineIsIncomplete(string text) =>
        Assert.Equal(ParseStatus.Incomplete, RequestHeadParser.Parse(Bytes(text), out _));

    [Theory]
    [InlineData("POST /feeds/all.atom HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("get /feeds/all.atom HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.0\r\nHost: x\r\n\r\n")]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]
    [InlineData("GET /feeds/all.atom?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /feeds/%61ll.atom HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /feeds/../index.html HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /./index.html HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET http://x/feeds/all.atom HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET  /feeds/all.atom HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("\r\nGET /feeds/all.atom HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: a b\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x:port\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\nHost: x\n\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\nAccept: */*\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n b\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost : x\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"a\"\r\nIf-None-Match: \"b\"\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\naccept-encoding: br\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nX-Name: caf\u00e9\r\n\r\n")]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\nHost: x\r\nX-Control: a\u0001b\r\n\r\n")]
    public void AnythingButAPlainGetOrHeadIsLeftToKestrel(string text) =>
        Assert.Equal(ParseStatus.NotForUs, RequestHeadParser.Parse(Encoding.Latin1.GetBytes(text), out _));

    [Theory]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001")]
    [InlineData("PRI * HTTP/2.0\r\n")]
    [InlineData("POS")]
    [InlineData("GEX")]
    public void AConnectionThatIsNoPlainGetOrHeadIsLeftToKestrelFromItsFirstBytes(string text) =>
        Assert.Equal(ParseStatus.NotForUs, RequestHeadParser.Parse(Encoding.Latin1.GetBytes(text), out _));

    [Fact]
    public void AnOverLongHeadOrValueIsLeftToKestrel()
    {
        var longValue = new string('a', RequestHeadParser.MaxValueBytes + 1);
        Assert.Equal(ParseStatus.NotForUs, RequestHeadParser.Parse(Bytes($"GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {longValue}\r\n\r\n"), out _));
        var endless = "GET / HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Repeat("X-Filler: 0123456789\r\n", 400));
        Assert.Equal(ParseStatus.NotForUs, RequestHeadParser.Parse(Bytes(endless), out _));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("news.example.org:8080")]
    [InlineData("[::1]:18081")]
    [InlineData("127.0.0.1:")]
    public void CommonHostFormsAreAccepted(string host) =>
        Assert.Equal(ParseStatus.Parsed, RequestHeadParser.Parse(Bytes($"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n"), out _));

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);
}
