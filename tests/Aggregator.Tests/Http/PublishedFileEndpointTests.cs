using System.Net;
using System.Net.Http.Headers;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Http;

public sealed class PublishedFileEndpointTests(PublishedFileEndpointTests.Server server) : IClassFixture<PublishedFileEndpointTests.Server>
{
    private const string Feed = "feeds/all.atom";

    public sealed class Server : IAsyncLifetime
    {
        internal HttpServedSample Sample { get; } = new();

        public Task InitializeAsync() => Sample.InitializeAsync();

        public Task DisposeAsync() => Sample.DisposeAsync();
    }

    private HttpServedSample Sample => server.Sample;

    [Fact]
    public async Task EveryPublishedFileIsServedWithTheBytesOnDisk()
    {
        var files = Directory.EnumerateFiles(Sample.OutputDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("all.atom", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("index.html", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("sources.opml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var path = Path.GetRelativePath(Sample.OutputDirectory, file).Replace('\\', '/');
            using var response = await Sample.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
            var expectedType = Path.GetExtension(path) switch
            {
                ".atom" => "application/atom+xml; charset=utf-8",
                ".html" => "text/html; charset=utf-8",
                _ => "text/x-opml; charset=utf-8",
            };
            Assert.Equal(expectedType, response.Content.Headers.ContentType!.ToString());
            Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.NotNull(response.Headers.ETag);
            Assert.NotNull(response.Content.Headers.LastModified);
        }
    }

    [Fact]
    public async Task TheRootServesTheIndexPage()
    {
        var root = await Sample.Client.GetByteArrayAsync("/");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Sample.OutputDirectory, "index.html")), root);
    }

    [Fact]
    public async Task HeadAnswersTheHeadersOfGetWithoutABody()
    {
        using var get = await Sample.Client.GetAsync(Feed);
        using var head = await Sample.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Feed));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AMatchingIfNoneMatchGetsNotModified()
    {
        using var first = await Sample.Client.GetAsync(Feed);
        var etag = first.Headers.ETag!.Tag;
        foreach (var header in new[] { etag, "W/" + etag, "\"other\", " + etag, "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Feed);
            request.Headers.TryAddWithoutValidation("If-None-Match", header);
            using var second = await Sample.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Equal(etag, second.Headers.ETag!.Tag);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, Feed);
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"stale\"");
        using var changed = await Sample.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task IfModifiedSinceAtOrAfterLastModifiedGetsNotModified()
    {
        using var first = await Sample.Client.GetAsync(Feed);
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.Equal(HttpStatusCode.NotModified, await StatusWithAsync("If-Modified-Since", lastModified.ToString("r")));
        Assert.Equal(HttpStatusCode.NotModified, await StatusWithAsync("If-Modified-Since", lastModified.AddDays(1).ToString("r")));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync("If-Modified-Since", lastModified.AddSeconds(-1).ToString("r")));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("Fri, 99 Nov 2026 25:61:00 GMT")]
    [InlineData("")]
    [InlineData("-1")]
    public async Task AnIfModifiedSinceThatDoesNotParseIsIgnored(string value)
    {
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync("If-Modified-Since", value));
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    public async Task CompressedBytesDecodeToTheIdentityBytes(string acceptEncoding, string? expectedEncoding)
    {
        var identity = await File.ReadAllBytesAsync(Path.Combine(Sample.OutputDirectory, "feeds", "all.atom"));
        using var plain = await Sample.Client.GetAsync(Feed);
        using var request = new HttpRequestMessage(HttpMethod.Get, Feed);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await Sample.Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(expectedEncoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Equal(identity, HttpContentCoding.Decode(body, expectedEncoding));
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        if (expectedEncoding is null)
            Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
        else
            Assert.NotEqual(plain.Headers.ETag, response.Headers.ETag);
    }

    [Theory]
    [InlineData("gzip;q=abc")]
    [InlineData(";;;,,,;q=;=")]
    [InlineData("br;q=-1, gzip;q=2")]
    [InlineData("compress, deflate, zstd")]
    public async Task AnAbsurdAcceptEncodingFallsBackToIdentity(string acceptEncoding)
    {
        var identity = await File.ReadAllBytesAsync(Path.Combine(Sample.OutputDirectory, "feeds", "all.atom"));
        using var request = new HttpRequestMessage(HttpMethod.Get, Feed);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await Sample.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(identity, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AVeryLongAcceptEncodingIsAnsweredWithoutFailing()
    {
        var longHeader = string.Join(", ", Enumerable.Range(0, 1500).Select(i => $"x{i};q=0.{i % 10}")) + ", gzip;q=0.1";
        using var request = new HttpRequestMessage(HttpMethod.Get, Feed);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", longHeader);
        using var response = await Sample.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
    }

    [Theory]
    [InlineData("feeds/nothing.atom")]
    [InlineData("feeds.json")]
    [InlineData("feeds/all.atom/")]
    [InlineData("FEEDS/ALL.ATOM")]
    [InlineData("data/aggregator.db")]
    public async Task UnknownPathsAreNotFound(string path)
    {
        using var response = await Sample.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/feeds/../feeds.json")]
    [InlineData("/feeds/%2e%2e/feeds.json")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/feeds/..%2ffeeds.json")]
    [InlineData("/feeds%2f..%2f..%2ffeeds.json")]
    [InlineData("/../public/index.html/..")]
    public async Task PathTraversalNeverReachesAFileOutsideTheSite(string target)
    {
        Assert.Equal(404, await Sample.RawStatusAsync("GET", target));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethodsAreNotAllowed(string method)
    {
        using var response = await Sample.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Feed));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("HEAD", response.Content.Headers.Allow);
    }

    private async Task<HttpStatusCode> StatusWithAsync(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Feed);
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await Sample.Client.SendAsync(request);
        return response.StatusCode;
    }
}
