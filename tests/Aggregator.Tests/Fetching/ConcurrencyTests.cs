using Aggregator.Fetching;
using Aggregator.Model;
using Aggregator.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Tests.Fetching;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task PerHostLimitOfTwoKeepsTheServerAtTwoConcurrentRequests()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/feed.xml", async context =>
        {
            await Task.Delay(150, context.RequestAborted);
            await context.Response.WriteAsync("<rss/>");
        });
        await using var fetcher = new TestFetcher(options =>
        {
            options.MaxConcurrentFetches = 8;
            options.MaxConcurrentFetchesPerHost = 2;
        });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => fetcher.FetchAsync(server.Url($"/feed.xml?n={i}"))));

        Assert.All(outcomes, outcome => Assert.Equal(FetchStatus.Fetched, outcome.Status));
        Assert.Equal(10, server.RequestCount("/feed.xml"));
        Assert.InRange(server.MaxConcurrentRequests, 1, 2);
    }

    [Fact]
    public async Task GlobalLimitHoldsAcrossHosts()
    {
        using var limiter = new FetchConcurrencyLimiter(maxConcurrent: 2, maxPerHost: 2);
        using var first = await limiter.AcquireAsync("a.example", CancellationToken.None);
        var second = await limiter.AcquireAsync("b.example", CancellationToken.None);

        var third = limiter.AcquireAsync("c.example", CancellationToken.None);
        Assert.False(third.IsCompleted);

        second.Dispose();
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitingForABusyHostDoesNotHoldAGlobalSlot()
    {
        using var limiter = new FetchConcurrencyLimiter(maxConcurrent: 2, maxPerHost: 1);
        using var busy = await limiter.AcquireAsync("a.example", CancellationToken.None);
        var queued = limiter.AcquireAsync("a.example", CancellationToken.None);

        using var other = await limiter.AcquireAsync("b.example", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(queued.IsCompleted);
    }

    [Fact]
    public async Task SlotsAreReleasedAfterFailuresTimeoutsAndCancellation()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapStatus("/missing.xml", 404);
        server.Map("/slow.xml", context => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        server.MapText("/feed.xml", "<rss/>", "application/rss+xml");
        await using var fetcher = new TestFetcher(options =>
        {
            options.MaxConcurrentFetches = 1;
            options.MaxConcurrentFetchesPerHost = 1;
            options.RetryCount = 0;
        });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var missing = await fetcher.FetchAsync(server.Url("/missing.xml"));
        var slow = await fetcher.FetchAsync(server.Url("/slow.xml"), timeout: TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fetcher.Fetcher.FetchAsync(TestFetcher.Source(server.Url("/feed.xml")), FetchConditions.None, cancelled.Token));
        var ok = await fetcher.FetchAsync(server.Url("/feed.xml")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(FetchStatus.Failed, missing.Status);
        Assert.Equal("fetch: timed out after 500 ms", slow.Error);
        Assert.Equal(FetchStatus.Fetched, ok.Status);
    }

    [Fact]
    public async Task CallerCancellationMidRequestThrowsOperationCanceled()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/slow.xml", context => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        await using var fetcher = new TestFetcher();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fetcher.Fetcher.FetchAsync(TestFetcher.Source(server.Url("/slow.xml")), FetchConditions.None, cancellation.Token));
    }
}
