using Aggregator.Http.Direct;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Http.Direct;

public sealed class DirectSendTests(DirectSendTests.Server server) : IClassFixture<DirectSendTests.Server>
{
    private const string Feed = "/feeds/all.atom";

    public sealed class Server : IAsyncLifetime
    {
        internal HttpServedSample Sample { get; } = new();

        public Task InitializeAsync() => Sample.InitializeAsync();

        public Task DisposeAsync() => Sample.DisposeAsync();
    }

    private HttpServedSample Sample => server.Sample;

    private string Host => Sample.BaseAddress.Authority;

    private long DirectResponses => Sample.Services.GetRequiredService<DirectFileServer>().Responses;

    [Theory]
    [InlineData("GET", "", "/feeds/all.atom")]
    [InlineData("GET", "Accept-Encoding: gzip\r\n", "/feeds/all.atom")]
    [InlineData("GET", "Accept-Encoding: gzip, br\r\n", "/feeds/all.atom")]
    [InlineData("GET", "Accept-Encoding: br;q=0, gzip;q=0.5\r\n", "/")]
    [InlineData("HEAD", "", "/feeds/all.atom")]
    [InlineData("HEAD", "Accept-Encoding: br\r\n", "/sources.opml")]
    public async Task DirectResponsesCarryExactlyKestrelsStatusHeadersAndBody(string method, string acceptEncoding, string path)
    {
        using var connection = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
        var (direct, kestrel) = await BothPathsAsync(connection, $"{method} {path} HTTP/1.1\r\nHost: {Host}\r\n{acceptEncoding}", method == "HEAD");

        Assert.Equal(200, direct.Status);
        Assert.Equal(kestrel.StatusLine, direct.StatusLine);
        Assert.Equal(kestrel.HeadersWithoutDate, direct.HeadersWithoutDate);
        Assert.Equal(kestrel.Body, direct.Body);
        Assert.True(DateTimeOffset.TryParse(direct.Header("Date"), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task NotModifiedResponsesCarryExactlyKestrelsHeaders(string encoding)
    {
        using var connection = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
        var acceptEncoding = encoding.Length == 0 ? string.Empty : $"Accept-Encoding: {encoding}\r\n";
        await connection.SendAsync($"GET {Feed} HTTP/1.1\r\nHost: {Host}\r\n{acceptEncoding}\r\n");
        var etag = (await connection.ReadResponseAsync()).Header("ETag");

        foreach (var condition in new[] { $"If-None-Match: W/{etag}", "If-None-Match: *" })
        {
            var (direct, kestrel) = await BothPathsAsync(connection, $"GET {Feed} HTTP/1.1\r\nHost: {Host}\r\n{acceptEncoding}{condition}\r\n", bodyless: true);
            Assert.Equal(304, direct.Status);
            Assert.Equal(kestrel.StatusLine, direct.StatusLine);
            Assert.Equal(kestrel.HeadersWithoutDate, direct.HeadersWithoutDate);
            Assert.Null(direct.Header("Content-Length"));
        }
    }

    [Fact]
    public async Task IfModifiedSinceIsAnsweredLikeKestrel()
    {
        using var connection = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
        await connection.SendAsync($"HEAD {Feed} HTTP/1.1\r\nHost: {Host}\r\n\r\n");
        var lastModified = (await connection.ReadResponseAsync(bodyless: true)).Header("Last-Modified");
        foreach (var (since, status) in new[] { (lastModified, 304), ("Thu, 01 Jan 1970 00:00:00 GMT", 200), ("yesterday", 200) })
        {
            var (direct, kestrel) = await BothPathsAsync(connection, $"HEAD {Feed} HTTP/1.1\r\nHost: {Host}\r\nIf-Modified-Since: {since}\r\n", bodyless: true);
            Assert.Equal(status, direct.Status);
            Assert.Equal(kestrel.HeadersWithoutDate, direct.HeadersWithoutDate);
        }
    }

    [Fact]
    public async Task PipelinedRequestsAreAnsweredInOrderAcrossTheHandOverToKestrel()
    {
        using var connection = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
        var expected = await File.ReadAllBytesAsync(Path.Combine(Sample.OutputDirectory, "feeds", "all.atom"));
        var before = DirectResponses;
        await connection.SendAsync(
            $"GET {Feed} HTTP/1.1\r\nHost: {Host}\r\n\r\n" +
            $"HEAD {Feed} HTTP/1.1\r\nHost: {Host}\r\n\r\n" +
            $"GET /no-such-file HTTP/1.1\r\nHost: {Host}\r\n\r\n" +
            $"GET {Feed} HTTP/1.1\r\nHost: {Host}\r\n\r\n");

        var get = await connection.ReadResponseAsync();
        var head = await connection.ReadResponseAsync(bodyless: true);
        var missing = await connection.ReadResponseAsync();
        var again = await connection.ReadResponseAsync();

        Assert.Equal(expected, get.Body);
        Assert.Equal(200, head.Status);
        Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Header("Content-Length"));
        Assert.Equal(404, missing.Status);
        Assert.Equal(expected, again.Body);
        // The first two were answered directly; from the 404 on, Kestrel owns the connection.
        Assert.Equal(before + 2, DirectResponses);
    }

    [Fact]
    public async Task AHeadArrivingInPiecesIsAnsweredOnceComplete()
    {
        using var connection = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
        var before = DirectResponses;
        foreach (var piece in new[] { "GET /feeds/al", "l.atom HTTP/1.1\r\nHo", $"st: {Host}\r\n", "\r\n" })
        {
            await connection.SendAsync(piece);
            await Task.Delay(50);
        }

        var response = await connection.ReadResponseAsync();
        Assert.Equal(200, response.Status);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Sample.OutputDirectory, "feeds", "all.atom")), response.Body);
        Assert.Equal(before + 1, DirectResponses);
    }

    [Theory]
    [InlineData("POST /feeds/all.atom HTTP/1.1\r\nHost: {0}\r\nContent-Length: 2\r\n\r\nab", 405)]
    [InlineData("GET /feeds/all.atom HTTP/1.0\r\nHost: {0}\r\n\r\n", 200)]
    [InlineData("GET /feeds/all.atom?x=1 HTTP/1.1\r\nHost: {0}\r\n\r\n", 200)]
    [InlineData("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: {0}\r\n\r\n", 404)]
    [InlineData("GET /feeds/all.atom HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET /health HTTP/1.1\r\nHost: {0}\r\n\r\n", 200)]
    public async Task DeclinedRequestsAreAnsweredByKestrel(string request, int status)
    {
        using var connection = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
        var before = DirectResponses;
        await connection.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, request, Host));
        var statusLine = await connection.ReadStatusLineAsync();
        Assert.StartsWith($"HTTP/1.1 {status} ", statusLine, StringComparison.Ordinal);
        Assert.Equal(before, DirectResponses);
    }

    [Fact]
    public async Task AClientLeavingInTheMiddleOfAResponseDoesNotDisturbOthers()
    {
        for (var i = 0; i < 5; i++)
        {
            using var leaving = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
            await leaving.SendAsync(string.Concat(Enumerable.Repeat($"GET {Feed} HTTP/1.1\r\nHost: {Host}\r\n\r\n", 20)));
        }

        using var client = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
        await client.SendAsync($"GET {Feed} HTTP/1.1\r\nHost: {Host}\r\n\r\n");
        Assert.Equal(200, (await client.ReadResponseAsync()).Status);
    }

    /// <summary>
    /// The same request answered by the direct path, then by Kestrel: a <c>Content-Length: 0</c>
    /// header is legal on a GET or HEAD and makes the direct path decline it.
    /// </summary>
    private async Task<(HttpRawResponse Direct, HttpRawResponse Kestrel)> BothPathsAsync(HttpRawConnection connection, string head, bool bodyless)
    {
        var before = DirectResponses;
        await connection.SendAsync(head + "\r\n");
        var direct = await connection.ReadResponseAsync(bodyless);
        Assert.Equal(before + 1, DirectResponses);
        using var fresh = await HttpRawConnection.OpenAsync(Sample.BaseAddress);
        await fresh.SendAsync(head + "Content-Length: 0\r\n\r\n");
        var kestrel = await fresh.ReadResponseAsync(bodyless);
        Assert.Equal(before + 1, DirectResponses);
        return (direct, kestrel);
    }
}
