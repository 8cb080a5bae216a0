using System.IO.Compression;
using Aggregator.Model;
using Aggregator.Tests.Support;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Aggregator.Tests.Fetching;

[Collection(MemoryMeasuringGroup.Name)]
public sealed class BodyLimitTests(ITestOutputHelper output)
{
    private const long OneGiB = 1L << 30;

    [Fact]
    public async Task GzipBombOfOneGibibyteStopsAtTheLimitWithBoundedMemory()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/bomb.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            // Zeros compressed on the fly: a few MiB on the wire, 1 GiB once inflated, never held in memory.
            var zeros = new byte[64 * 1024];
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await WriteUntilAbortedAsync(context, async token =>
            {
                for (long sent = 0; sent < OneGiB; sent += zeros.Length)
                    await gzip.WriteAsync(zeros, token);
            });
        });
        await using var fetcher = new TestFetcher();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await fetcher.FetchAsync(server.Url("/bomb.xml"));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: body exceeds the 15 MiB limit", outcome.Error);
        output.WriteLine($"allocated {allocated / (1024 * 1024)} MiB");
        Assert.True(allocated < 200L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task EndlessIdentityBodyStopsAtTheLimit()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/endless.xml", async context =>
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            await WriteUntilAbortedAsync(context, async token =>
            {
                while (true)
                    await context.Response.Body.WriteAsync(chunk, token);
            });
        });
        await using var fetcher = new TestFetcher();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await fetcher.FetchAsync(server.Url("/endless.xml"), maxBytes: 2 * 1024 * 1024);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(200, outcome.HttpStatus);
        Assert.Equal("fetch: body exceeds the 2 MiB limit", outcome.Error);
        output.WriteLine($"allocated {allocated / (1024 * 1024)} MiB");
        Assert.True(allocated < 200L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task BodyExactlyAtTheLimitIsAccepted()
    {
        await using var server = await FixtureServer.StartAsync();
        var body = new byte[100 * 1024];
        server.MapBytes("/feed.xml", body);
        await using var fetcher = new TestFetcher();

        var atLimit = await fetcher.FetchAsync(server.Url("/feed.xml"), maxBytes: body.Length);
        var overLimit = await fetcher.FetchAsync(server.Url("/feed.xml"), maxBytes: body.Length - 1);

        Assert.Equal(FetchStatus.Fetched, atLimit.Status);
        Assert.Equal(body.Length, atLimit.Payload!.Content.Length);
        Assert.Equal("fetch: body exceeds the 102399 bytes limit", overLimit.Error);
    }

    [Fact]
    public async Task DripServerSendingOneBytePerSecondIsStoppedByTheSourceTimeout()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/drip.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.StartAsync(context.RequestAborted);
            await WriteUntilAbortedAsync(context, async token =>
            {
                while (true)
                {
                    await context.Response.Body.WriteAsync("<"u8.ToArray(), token);
                    await context.Response.Body.FlushAsync(token);
                    await Task.Delay(TimeSpan.FromSeconds(1), token);
                }
            });
        });
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/drip.xml"), timeout: TimeSpan.FromSeconds(2));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: timed out after 2 s", outcome.Error);
        Assert.Equal(1, server.RequestCount("/drip.xml"));
    }

    /// <summary>Runs a writer until the client hangs up, which is how these hostile bodies end.</summary>
    private static async Task WriteUntilAbortedAsync(HttpContext context, Func<CancellationToken, Task> write)
    {
        try
        {
            await write(context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            context.Abort();
        }
    }
}
