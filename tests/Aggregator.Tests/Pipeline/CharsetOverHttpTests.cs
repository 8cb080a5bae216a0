using System.Text;
using Aggregator.Model;
using Aggregator.Parsing;
using Aggregator.Tests.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>Charset detection end to end: bytes and headers as a real server sends them, through fetch and parse.</summary>
public sealed class CharsetOverHttpTests
{
    private const string Title = "央行开展逆回购操作，李堃：流动性合理充裕";

    static CharsetOverHttpTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task GbkBodyWithAGb2312DeclarationDecodes()
    {
        // 堃 is in GBK but not in GB2312: a strict GB2312 decoder would lose it.
        var body = Encoding.GetEncoding("GBK").GetBytes(Rss("gb2312"));

        var title = await FetchTitleAsync(body, "application/rss+xml");

        Assert.Equal(Title, title);
    }

    [Fact]
    public async Task ACharsetOnlyInTheHeaderDecodes()
    {
        var body = Encoding.GetEncoding("GB18030").GetBytes(Rss(declaration: null));

        var title = await FetchTitleAsync(body, "application/rss+xml; charset=gbk");

        Assert.Equal(Title, title);
    }

    [Fact]
    public async Task ARightByteOrderMarkWinsOverAWrongHeader()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Rss("utf-8"))).ToArray();

        var title = await FetchTitleAsync(body, "text/xml; charset=iso-8859-1");

        Assert.Equal(Title, title);
    }

    [Fact]
    public async Task Utf16WithItsByteOrderMarkDecodes()
    {
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Rss("utf-16"))).ToArray();

        var title = await FetchTitleAsync(body, "application/xml");

        Assert.Equal(Title, title);
    }

    private static async Task<string?> FetchTitleAsync(byte[] body, string contentType)
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapBytes("/feed.xml", body, contentType);
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        var feed = new FeedParser().Parse(outcome.Payload!);
        return Assert.Single(feed.Entries).Title;
    }

    private static string Rss(string? declaration) =>
        (declaration is null ? "<?xml version=\"1.0\"?>" : $"<?xml version=\"1.0\" encoding=\"{declaration}\"?>")
        + $"<rss version=\"2.0\"><channel><title>证券时报网</title><item><title>{Title}</title><link>https://news.stcn.com/1.html</link></item></channel></rss>";
}
