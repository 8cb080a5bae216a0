using Aggregator.Model;
using Aggregator.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Tests.Fetching;

public sealed class RetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ServerErrorIsRetriedThenReportedAsFailed()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapStatus("/feed.xml", 500);
        await using var fetcher = new TestFetcher(options => options.RetryCount = 2);

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(500, outcome.HttpStatus);
        Assert.Equal("fetch: HTTP 500 Internal Server Error", outcome.Error);
        Assert.Equal(3, server.RequestCount("/feed.xml"));
    }

    [Fact]
    public async Task ServerErrorFollowedBySuccessIsFetched()
    {
        await using var server = await FixtureServer.StartAsync();
        var calls = 0;
        server.Map("/feed.xml", context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 502;
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync("<rss/>");
        });
        await using var fetcher = new TestFetcher(options => options.RetryCount = 2);

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(2, server.RequestCount("/feed.xml"));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(501)]
    public async Task ClientErrorsAndNotImplementedAreNotRetried(int status)
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapStatus("/feed.xml", status);
        await using var fetcher = new TestFetcher(options => options.RetryCount = 2);

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(status, outcome.HttpStatus);
        Assert.Equal(1, server.RequestCount("/feed.xml"));
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfterSecondsIsReportedNotRetried()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapStatus("/feed.xml", 429, new Dictionary<string, string> { ["Retry-After"] = "120" });
        await using var fetcher = new TestFetcher(options => options.RetryCount = 2, new FixedClock(Now));

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(429, outcome.HttpStatus);
        Assert.Equal(Now.AddSeconds(120), outcome.RetryAfter);
        Assert.Equal("fetch: HTTP 429 Too Many Requests (retry after 2026-11-27 22:02:00 UTC)", outcome.Error);
        Assert.Equal(1, server.RequestCount("/feed.xml"));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RetryAfterAsAnHttpDateIsReportedAsThatTime(int status)
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapStatus("/feed.xml", status, new Dictionary<string, string> { ["Retry-After"] = "Sat, 28 Nov 2026 06:30:00 GMT" });
        await using var fetcher = new TestFetcher(options => options.RetryCount = 2, new FixedClock(Now));

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 6, 30, 0, TimeSpan.Zero), outcome.RetryAfter);
        Assert.Equal(1, server.RequestCount("/feed.xml"));
    }

    [Fact]
    public async Task TooManyRequestsWithoutRetryAfterIsNotRetried()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapStatus("/feed.xml", 429);
        await using var fetcher = new TestFetcher(options => options.RetryCount = 2);

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Null(outcome.RetryAfter);
        Assert.Equal("fetch: HTTP 429 Too Many Requests", outcome.Error);
        Assert.Equal(1, server.RequestCount("/feed.xml"));
    }

    [Fact]
    public async Task ConnectionResetIsRetriedThenReported()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/feed.xml", context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        await using var fetcher = new TestFetcher(options => options.RetryCount = 1);

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Null(outcome.HttpStatus);
        Assert.Equal("fetch: connection reset by the server", outcome.Error);
        Assert.Equal(2, server.RequestCount("/feed.xml"));
    }

    [Fact]
    public async Task StalledAttemptTimesOutAndIsRetried()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/feed.xml", async context =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on this attempt, as it should.
            }
        });
        await using var fetcher = new TestFetcher(options =>
        {
            options.RetryCount = 1;
            options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        });

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: no response within 300 ms (every attempt timed out)", outcome.Error);
        Assert.Equal(2, server.RequestCount("/feed.xml"));
    }

    [Fact]
    public async Task HugeResponseHeadersFailCleanlyWithoutRetry()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapStatus("/feed.xml", 200, new Dictionary<string, string> { ["X-Padding"] = new string('x', 200 * 1024) });
        await using var fetcher = new TestFetcher(options => options.RetryCount = 2);

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: the response headers exceed the size limit", outcome.Error);
        Assert.Equal(1, server.RequestCount("/feed.xml"));
    }
}
