using System.Text;
using Aggregator.Fetching;
using Aggregator.Model;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class HttpFeedFetcherTests
{
    private static readonly byte[] Rss = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>");

    [Fact]
    public async Task PlainHttpOkReturnsTheBodyContentTypeAndValidators()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapBytes("/feed.xml", Rss, "application/rss+xml; charset=utf-8", headers: new Dictionary<string, string>
        {
            ["ETag"] = "\"v1\"",
            ["Last-Modified"] = "Fri, 27 Nov 2026 08:00:00 GMT",
        });
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal("http", server.BaseUrl.Scheme);
        Assert.Equal(200, outcome.HttpStatus);
        Assert.Equal(Rss, outcome.Payload!.Content.ToArray());
        Assert.Equal("application/rss+xml; charset=utf-8", outcome.Payload.ContentType);
        Assert.Equal(server.Url("/feed.xml"), outcome.Payload.Location);
        Assert.Equal("\"v1\"", outcome.ETag);
        Assert.Equal("Fri, 27 Nov 2026 08:00:00 GMT", outcome.LastModified);
        Assert.Null(outcome.Error);
        Assert.Null(outcome.PermanentRedirect);
    }

    [Fact]
    public async Task ConditionalGetSendsValidatorsAndReportsNotModifiedWithoutABody()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/feed.xml", context =>
        {
            var matches = context.Request.Headers.IfNoneMatch == "\"v1\"";
            context.Response.StatusCode = matches ? 304 : 200;
            return matches ? Task.CompletedTask : context.Response.Body.WriteAsync(Rss).AsTask();
        });
        await using var fetcher = new TestFetcher();
        var conditions = new FetchConditions("\"v1\"", "Fri, 27 Nov 2026 08:00:00 GMT");

        var outcome = await fetcher.FetchAsync(TestFetcher.Source(server.Url("/feed.xml")), conditions);

        Assert.Equal(FetchStatus.NotModified, outcome.Status);
        Assert.Equal(304, outcome.HttpStatus);
        Assert.Null(outcome.Payload);
        Assert.Equal("\"v1\"", outcome.ETag);
        Assert.Equal("Fri, 27 Nov 2026 08:00:00 GMT", outcome.LastModified);
        var request = server.LastRequest("/feed.xml")!;
        Assert.Equal("\"v1\"", request.Header("If-None-Match"));
        Assert.Equal("Fri, 27 Nov 2026 08:00:00 GMT", request.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task DefaultRequestCarriesTheDescriptiveUserAgentAcceptAndAcceptEncoding()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapBytes("/feed.xml", Rss);
        await using var fetcher = new TestFetcher();

        await fetcher.FetchAsync(server.Url("/feed.xml"));

        var request = server.LastRequest("/feed.xml")!;
        Assert.Equal(FetchOptions.DefaultUserAgent, request.Header("User-Agent"));
        Assert.StartsWith("application/atom+xml, application/rss+xml", request.Header("Accept"));
        Assert.Equal("gzip, deflate, br", request.Header("Accept-Encoding"));
        Assert.Null(request.Header("If-None-Match"));
    }

    [Fact]
    public async Task PerSourceHeadersAndUserAgentReachTheServer()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapBytes("/feed.xml", Rss);
        await using var fetcher = new TestFetcher();
        var source = TestFetcher.Source(server.Url("/feed.xml")) with
        {
            UserAgent = "Mozilla/5.0 (compatible; FinanceBot/2.0)",
            Headers = new Dictionary<string, string> { ["Referer"] = "https://example.com/", ["X-Api-Key"] = "k123" },
        };

        var outcome = await fetcher.FetchAsync(source);

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        var request = server.LastRequest("/feed.xml")!;
        Assert.Equal("Mozilla/5.0 (compatible; FinanceBot/2.0)", request.Header("User-Agent"));
        Assert.Equal("https://example.com/", request.Header("Referer"));
        Assert.Equal("k123", request.Header("X-Api-Key"));
    }

    [Fact]
    public async Task NotFoundFailsWithTheStatusInOneSentence()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/missing.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(404, outcome.HttpStatus);
        Assert.Equal("fetch: HTTP 404 Not Found", outcome.Error);
        Assert.Null(outcome.Payload);
    }

    [Fact]
    public async Task RefusedConnectionFailsWithoutThrowing()
    {
        int port;
        await using (var server = await FixtureServer.StartAsync())
            port = server.BaseUrl.Port;
        await using var fetcher = new TestFetcher(options => options.RetryCount = 0);

        var outcome = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal($"fetch: connection refused by 127.0.0.1:{port}", outcome.Error);
    }

    [Fact]
    public async Task UnsupportedSchemeFailsWithoutThrowing()
    {
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(new Uri("ftp://127.0.0.1/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: unsupported URL scheme 'ftp'", outcome.Error);
    }

    [Fact]
    public async Task MalformedHeaderNameInTheSourceFailsWithoutThrowing()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapBytes("/feed.xml", Rss);
        await using var fetcher = new TestFetcher();
        var source = TestFetcher.Source(server.Url("/feed.xml")) with { Headers = new Dictionary<string, string> { ["Bad Name"] = "x" } };

        var outcome = await fetcher.FetchAsync(source);

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: the configured header name 'Bad Name' is not a valid HTTP header", outcome.Error);
    }
}
