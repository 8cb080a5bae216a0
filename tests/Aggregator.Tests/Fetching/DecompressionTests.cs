using System.IO.Compression;
using System.Text;
using Aggregator.Model;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class DecompressionTests
{
    private static readonly byte[] Feed = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>央行公开市场操作</title>"
        + string.Concat(Enumerable.Repeat("<entry><title>A股收涨</title></entry>", 200)) + "</feed>");

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task CompressedBodyIsDecodedToTheOriginalBytes(string encoding)
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapBytes("/feed.xml", Compress(Feed, encoding), "application/atom+xml", headers: new Dictionary<string, string> { ["Content-Encoding"] = encoding });
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(Feed, outcome.Payload!.Content.ToArray());
    }

    [Fact]
    public async Task RawDeflateWithoutZlibHeaderIsDecodedToo()
    {
        await using var server = await FixtureServer.StartAsync();
        using var raw = new MemoryStream();
        using (var deflate = new DeflateStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(Feed);
        server.MapBytes("/feed.xml", raw.ToArray(), headers: new Dictionary<string, string> { ["Content-Encoding"] = "deflate" });
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(Feed, outcome.Payload!.Content.ToArray());
    }

    [Fact]
    public async Task CorruptGzipFailsWithAReadableSentence()
    {
        await using var server = await FixtureServer.StartAsync();
        var corrupt = Compress(Feed, "gzip");
        Array.Fill(corrupt, (byte)0xFF, 10, 40);
        server.MapBytes("/feed.xml", corrupt, headers: new Dictionary<string, string> { ["Content-Encoding"] = "gzip" });
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: the gzip body is corrupt", outcome.Error);
    }

    [Fact]
    public async Task UnrequestedEncodingFailsInsteadOfPassingGarbageOn()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapBytes("/feed.xml", Feed, headers: new Dictionary<string, string> { ["Content-Encoding"] = "zstd" });
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: unsupported Content-Encoding 'zstd'", outcome.Error);
    }

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" or "x-gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
