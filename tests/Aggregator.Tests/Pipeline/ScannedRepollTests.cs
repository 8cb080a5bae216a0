using Aggregator.Hosting;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Pipeline;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>
/// The re-poll's shortcut (<see cref="ChangedEntries"/>): a scan identifies the entries and the store's
/// hashes say which changed. A body changed under the same guid is still an update, the same bytes
/// write nothing, documents the scan cannot read take the full path, and stores written before the
/// scan existed (hashes of the full parse) or before the raw hash became XxHash128 (SHA-256 hashes of
/// the scan or of the full parse) count their entries as unchanged.
/// </summary>
public sealed class ScannedRepollTests : IAsyncDisposable
{
    private readonly TempDirectory temp = new();
    private PipelineServices? services;

    private static string Rss(string bodyB, string extraTitle = "") => $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
          <title>Markets{{extraTitle}}</title><link>https://markets.example.com/</link>
          <item><guid isPermaLink="false">a</guid><title>Stocks rally</title><link>https://markets.example.com/a</link>
            <content:encoded><![CDATA[<p>Stocks rallied.</p>]]></content:encoded><pubDate>Thu, 13 May 2021 08:00:00 GMT</pubDate></item>
          <item><guid isPermaLink="false">b</guid><title>Oil slips</title><link>https://markets.example.com/b</link>
            <content:encoded><![CDATA[{{bodyB}}]]></content:encoded><pubDate>Thu, 13 May 2021 09:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    [Fact]
    public async Task ABodyChangedUnderTheSameGuidIsUpdatedAndTheSameBytesWriteOnlyTheHealthRow()
    {
        var (poller, source, path) = await StartAsync(Rss("<p>Oil slipped.</p>"));
        var first = await poller.PollAsync(source, CancellationToken.None);

        await RewriteAsync(path, Rss("<p>Oil slipped 2%.</p>"));
        var changed = await poller.PollAsync(source, CancellationToken.None);

        await RewriteAsync(path, Rss("<p>Oil slipped 2%.</p>"));
        var rowsBefore = await RowsWrittenAsync();
        var same = await poller.PollAsync(source, CancellationToken.None);

        Assert.Equal(new IngestResult(2, 0, 0, 0, 0), first.Ingest);
        Assert.Equal(new IngestResult(0, 1, 1, 0, 0), changed.Ingest);
        Assert.Equal(new IngestResult(0, 0, 2, 0, 0), same.Ingest);
        Assert.Equal(2, same.Entries);
        Assert.Equal(1, await RowsWrittenAsync() - rowsBefore);
        var latest = await services!.Store.GetLatestAsync(null, 10, 0, CancellationToken.None);
        Assert.Contains("Oil slipped 2%.", latest.Single(a => a.Article.Title == "Oil slips").Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeedOnlyTheFullParseReadsStillSkipsUnchangedEntriesAndFindsChangedOnes()
    {
        // &nbsp; is not XML: the scan gives up and the repaired full parse reads the document.
        var (poller, source, path) = await StartAsync(Rss("<p>Oil slipped.</p>", "&nbsp;Daily"));
        Assert.Null(new FeedParser().Scan(new FeedPayload(await File.ReadAllBytesAsync(path), null, source.Url)));
        var first = await poller.PollAsync(source, CancellationToken.None);

        await RewriteAsync(path, Rss("<p>Oil slipped.</p>", "&nbsp;Daily"));
        var same = await poller.PollAsync(source, CancellationToken.None);
        await RewriteAsync(path, Rss("<p>Oil slipped 3%.</p>", "&nbsp;Daily"));
        var changed = await poller.PollAsync(source, CancellationToken.None);

        Assert.Equal(new IngestResult(2, 0, 0, 0, 0), first.Ingest);
        Assert.Equal(new IngestResult(0, 0, 2, 0, 0), same.Ingest);
        Assert.Equal(new IngestResult(0, 1, 1, 0, 0), changed.Ingest);
    }

    [Fact]
    public async Task EntriesStoredWithTheFullParsesHashBeforeTheScanExistedAreUnchangedAndNotRewritten()
    {
        var document = Rss("<p>Oil slipped.</p>");
        var (poller, source, path) = await StartAsync(document);
        // What an older version stored: articles normalized from the full parse, hashed from its raw fields.
        var full = new FeedParser().Parse(new FeedPayload(await File.ReadAllBytesAsync(path), null, source.Url));
        var legacy = new ArticleNormalizer().Normalize(full, source, DateTimeOffset.UtcNow);
        await services!.Store.IngestAsync(source, legacy, DateTimeOffset.UtcNow, CancellationToken.None);

        await AssertTheSameBytesWriteOnlyHealthAsync(poller, source, path, document);

        // A legacy entry that then changes is still an update.
        await AssertAChangedBodyIsAnUpdateAsync(poller, source, path, Rss("<p>Oil slipped 4%.</p>"));
    }

    [Fact]
    public async Task EntriesStoredWithTheOldSha256HashOfTheScanAreUnchangedAndAChangedBodyIsStillAnUpdate()
    {
        var document = Rss("<p>Oil slipped.</p>");
        var (poller, source, path) = await StartAsync(document);
        var payload = new FeedPayload(await File.ReadAllBytesAsync(path), null, source.Url);
        var scanned = new FeedParser().Scan(payload);
        Assert.NotNull(scanned);
        await StoreLegacyAsync(source, new FeedParser().Parse(payload), scanned);

        await AssertTheSameBytesWriteOnlyHealthAsync(poller, source, path, document);

        await AssertAChangedBodyIsAnUpdateAsync(poller, source, path, Rss("<p>Oil slipped 5%.</p>"));
    }

    [Fact]
    public async Task EntriesStoredWithTheOldSha256HashOfTheFullParseAreUnchangedAndAChangedBodyIsStillAnUpdate()
    {
        var document = Rss("<p>Oil slipped.</p>");
        var (poller, source, path) = await StartAsync(document);
        var full = new FeedParser().Parse(new FeedPayload(await File.ReadAllBytesAsync(path), null, source.Url));
        await StoreLegacyAsync(source, full, full);

        await AssertTheSameBytesWriteOnlyHealthAsync(poller, source, path, document);

        await AssertAChangedBodyIsAnUpdateAsync(poller, source, path, Rss("<p>Oil slipped 6%.</p>"));
        var latest = await services!.Store.GetLatestAsync(null, 10, 0, CancellationToken.None);
        Assert.Contains("Oil slipped 6%.", latest.Single(a => a.Article.Title == "Oil slips").Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeedOnlyTheFullParseReadsKeepsEntriesStoredWithTheOldSha256HashUnchanged()
    {
        var document = Rss("<p>Oil slipped.</p>", "&nbsp;Daily");
        var (poller, source, path) = await StartAsync(document);
        var payload = new FeedPayload(await File.ReadAllBytesAsync(path), null, source.Url);
        Assert.Null(new FeedParser().Scan(payload));
        var full = new FeedParser().Parse(payload);
        await StoreLegacyAsync(source, full, full);

        await AssertTheSameBytesWriteOnlyHealthAsync(poller, source, path, document);
    }

    /// <summary>A re-poll of <paramref name="document"/> again finds both entries unchanged and writes the health row alone.</summary>
    private async Task AssertTheSameBytesWriteOnlyHealthAsync(SourcePoller poller, SourceDefinition source, string path, string document)
    {
        await RewriteAsync(path, document);
        var rowsBefore = await RowsWrittenAsync();
        var repoll = await poller.PollAsync(source, CancellationToken.None);

        Assert.Equal(new IngestResult(0, 0, 2, 0, 0), repoll.Ingest);
        Assert.Equal(1, await RowsWrittenAsync() - rowsBefore);
    }

    /// <summary>A re-poll of <paramref name="document"/>, whose second body changed, updates that entry and leaves the other.</summary>
    private static async Task AssertAChangedBodyIsAnUpdateAsync(SourcePoller poller, SourceDefinition source, string path, string document)
    {
        await RewriteAsync(path, document);
        var changed = await poller.PollAsync(source, CancellationToken.None);
        Assert.Equal(new IngestResult(0, 1, 1, 0, 0), changed.Ingest);
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
            await services.DisposeAsync();
        temp.Dispose();
    }

    private async Task<(SourcePoller Poller, SourceDefinition Source, string Path)> StartAsync(string document)
    {
        var path = temp.WriteFile("markets.xml", document);
        var source = PipelineTestServices.FileSource(path);
        services = await PipelineTestServices.BuildAsync(temp, source);
        return (services.Get<SourcePoller>(), source, path);
    }

    /// <summary>
    /// What a version before the switch to XxHash128 stored: the articles of the full parse, each with
    /// the SHA-256 raw hash of <paramref name="hashedFrom"/>'s entry (the scan's or the full parse's).
    /// </summary>
    private async Task StoreLegacyAsync(SourceDefinition source, ParsedFeed full, ParsedFeed hashedFrom)
    {
        var articles = new ArticleNormalizer().Normalize(full, source, DateTimeOffset.UtcNow);
        Assert.Equal(hashedFrom.Entries.Count, articles.Count);
        var legacy = articles.Select((a, i) => a with { ContentHash = RawHash.Sha256Of(hashedFrom.Entries[i], hashedFrom, source) }).ToList();
        Assert.All(legacy, (a, i) => Assert.NotEqual(articles[i].ContentHash, a.ContentHash));
        await services!.Store.IngestAsync(source, legacy, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    /// <summary>New content (or the same) with a newer modification time, so the file is read again.</summary>
    private static async Task RewriteAsync(string path, string document)
    {
        var before = File.GetLastWriteTimeUtc(path);
        await File.WriteAllTextAsync(path, document);
        File.SetLastWriteTimeUtc(path, before.AddMinutes(1));
    }

    private async Task<long> RowsWrittenAsync() => (await services!.Store.GetStatisticsAsync(CancellationToken.None)).RowsWritten;
}
