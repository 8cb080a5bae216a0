using Aggregator.Hosting;
using Aggregator.Model;
using Aggregator.Parsing;
using Aggregator.Pipeline;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>
/// A re-poll that the scan identifies still finds every kind of change: a body changed past the first
/// buffers the document is decoded in, a medium that became another kind, an xml:base that moves the
/// entry's link. Each change is an update of that entry alone; the same bytes again change nothing.
/// </summary>
public sealed class ScannedRepollChangeTests : IAsyncDisposable
{
    private readonly TempDirectory temp = new();
    private PipelineServices? services;

    private static string Rss(string itemB) => $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel>
          <title>证券时报网</title><link>https://markets.example.com/</link>
          <item><guid isPermaLink="false">a</guid><title>沪指上涨</title><link>https://markets.example.com/a</link>
            <description>&lt;p&gt;沪指上涨 😀&lt;/p&gt;</description><pubDate>Thu, 13 May 2021 08:00:00 GMT</pubDate></item>
          {{itemB}}
        </channel></rss>
        """;

    private static string LongItem(string ending) => $"""
        <item><guid isPermaLink="false">b</guid><title>深成指</title><link>https://markets.example.com/b</link>
          <content:encoded><![CDATA[{string.Concat(Enumerable.Repeat("<p>深成指上涨1.8%，成交量放大 😀。</p>", 2_000))}{ending}]]></content:encoded></item>
        """;

    private static string MediaItem(string media) => $"""
        <item><guid isPermaLink="false">b</guid><title>深成指</title><link>https://markets.example.com/b</link>{media}</item>
        """;

    private static string BasedItem(string xmlBase) => $"""
        <item xml:base="{xmlBase}" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><guid isPermaLink="false">b</guid><title>深成指</title><link>b.html</link></item>
        """;

    [Fact]
    public async Task ABodyChangedAtTheEndOfAVeryLongDocumentIsAnUpdate() =>
        await AssertOneUpdateAsync(Rss(LongItem("<p>完</p>")), Rss(LongItem("<p>完。</p>")), scanned => Assert.True(scanned.Length > 100_000));

    [Fact]
    public async Task AThumbnailThatBecameAnEnclosureIsAnUpdate() =>
        await AssertOneUpdateAsync(
            Rss(MediaItem("""<media:thumbnail url="https://img.example.com/b.jpg"/>""")),
            Rss(MediaItem("""<enclosure url="https://img.example.com/b.jpg" type="image/jpeg" length="1"/>""")));

    [Fact]
    public async Task AnXmlBaseThatMovesTheLinkIsAnUpdate() =>
        await AssertOneUpdateAsync(Rss(BasedItem("https://markets.example.com/2021/")), Rss(BasedItem("https://markets.example.com/2022/")));

    /// <summary>Stores <paramref name="before"/>, then re-polls <paramref name="after"/> (one entry updated) and the same bytes again (nothing).</summary>
    private async Task AssertOneUpdateAsync(string before, string after, Action<byte[]>? checkDocument = null)
    {
        var path = temp.WriteFile("markets.xml", before);
        var source = PipelineTestServices.FileSource(path);
        services = await PipelineTestServices.BuildAsync(temp, source);
        var poller = services.Get<SourcePoller>();
        var first = await poller.PollAsync(source, CancellationToken.None);

        await RewriteAsync(path, after);
        var bytes = await File.ReadAllBytesAsync(path);
        checkDocument?.Invoke(bytes);
        Assert.NotNull(new FeedParser().Scan(new FeedPayload(bytes, null, source.Url))); // the scan, not the full parse, reads it
        var changed = await poller.PollAsync(source, CancellationToken.None);

        await RewriteAsync(path, after);
        var same = await poller.PollAsync(source, CancellationToken.None);

        Assert.Equal(new IngestResult(2, 0, 0, 0, 0), first.Ingest);
        Assert.Equal(new IngestResult(0, 1, 1, 0, 0), changed.Ingest);
        Assert.Equal(new IngestResult(0, 0, 2, 0, 0), same.Ingest);
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
            await services.DisposeAsync();
        temp.Dispose();
    }

    private static async Task RewriteAsync(string path, string document)
    {
        var before = File.GetLastWriteTimeUtc(path);
        await File.WriteAllTextAsync(path, document);
        File.SetLastWriteTimeUtc(path, before.AddMinutes(1));
    }
}
