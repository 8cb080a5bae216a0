using Aggregator.Model;
using Aggregator.Pipeline;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>
/// A re-poll through <see cref="SourcePoller"/> of a feed whose bytes changed (no "not modified"):
/// known, unchanged entries are skipped before normalizing and write nothing, while an entry whose
/// content changed — keyed by guid or, without one, by its link — is still found and updated.
/// </summary>
public sealed class RepollTests
{
    private static string Feed(string build, string bodyB, string titleC) => $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel>
          <title>Markets</title><link>https://markets.example.com/</link><lastBuildDate>{{build}}</lastBuildDate>
          <item><guid isPermaLink="false">a</guid><title>Stocks rally</title><link>https://markets.example.com/a</link>
            <description>&lt;p&gt;Stocks rallied as yields fell.&lt;/p&gt;</description><pubDate>Thu, 13 May 2021 08:00:00 GMT</pubDate></item>
          <item><guid isPermaLink="false">b</guid><title>Oil slips</title><link>https://markets.example.com/b</link>
            <description>{{bodyB}}</description><pubDate>Thu, 13 May 2021 09:00:00 GMT</pubDate></item>
          <item><title>{{titleC}}</title><link>https://markets.example.com/c?utm_source=rss</link>
            <description>&lt;p&gt;Gold edged higher.&lt;/p&gt;</description><pubDate>Thu, 13 May 2021 10:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    [Fact]
    public async Task ChangedEntriesAreUpdatedAndUnchangedOnesWriteNothing()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteFile("markets.xml", Feed("Thu, 13 May 2021 10:00:00 GMT", "&lt;p&gt;Oil slipped.&lt;/p&gt;", "Gold edges higher"));
        var source = PipelineTestServices.FileSource(path);
        await using var services = await PipelineTestServices.BuildAsync(temp, source);
        var poller = services.Get<SourcePoller>();

        var first = await poller.PollAsync(source, CancellationToken.None);

        // New bytes (the channel's build date, entry b's body, entry c's title) with a new modification time.
        await File.WriteAllTextAsync(path, Feed("Thu, 13 May 2021 11:00:00 GMT", "&lt;p&gt;Oil slipped 2%.&lt;/p&gt;", "Gold edges higher again"));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        var second = await poller.PollAsync(source, CancellationToken.None);

        // The same bytes again, only newer on disk: everything known and unchanged.
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        var rowsBefore = (await services.Store.GetStatisticsAsync(CancellationToken.None)).RowsWritten;
        var third = await poller.PollAsync(source, CancellationToken.None);
        var rowsAfter = (await services.Store.GetStatisticsAsync(CancellationToken.None)).RowsWritten;

        Assert.Equal(new IngestResult(3, 0, 0, 0, 0), first.Ingest);
        Assert.Equal(new IngestResult(0, 2, 1, 0, 0), second.Ingest);
        Assert.Equal(new IngestResult(0, 0, 3, 0, 0), third.Ingest);
        Assert.Equal(PollStatus.Ok, third.Status);
        // The health row is all the third poll writes.
        Assert.Equal(1, rowsAfter - rowsBefore);
        var latest = await services.Store.GetLatestAsync(null, 10, 0, CancellationToken.None);
        Assert.Equal(["Gold edges higher again", "Oil slips", "Stocks rally"], latest.Select(a => a.Article.Title));
        Assert.Contains("Oil slipped 2%.", latest[1].Article.Body, StringComparison.Ordinal);
        var health = await services.Store.GetHealthAsync("markets", CancellationToken.None);
        Assert.Equal(3, health.ArticleCount);
        Assert.Equal(0, health.ConsecutiveFailures);
        Assert.Equal(File.GetLastWriteTimeUtc(path).ToString("R"), health.LastModified);
    }
}
