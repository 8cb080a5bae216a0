using System.Text.Json;

namespace Aggregator.Tests.Http.Clients;

/// <summary>Python feedparser, polling `serve` over HTTP, reads every served feed intact and gets 304 on the second poll.</summary>
public sealed class FeedparserReadsServedFeedsTests(ClientSample server) : IClassFixture<ClientSample>
{
    [Fact]
    public void FeedparserReadsEveryServedFeedWithAllEntriesAndGetsNotModifiedOnTheSecondPoll()
    {
        var feeds = server.Feeds;
        Assert.Contains(feeds, feed => feed.Path.Contains("/page-", StringComparison.Ordinal));
        Assert.Contains(feeds, feed => feed.Path == "feeds/all.atom");

        using var parsed = FeedparserClient.FetchTwice(feeds.Select(server.UrlOf));
        var results = parsed.RootElement.EnumerateArray().ToList();
        Assert.Equal(feeds.Count, results.Count);
        foreach (var (feed, result) in feeds.Zip(results))
        {
            Assert.Equal(server.UrlOf(feed).AbsoluteUri, result.GetProperty("url").GetString());
            Assert.True(200 == result.GetProperty("status").GetInt32(), $"{feed.Path}: first poll answered {result.GetProperty("status")}");
            Assert.False(result.GetProperty("bozo").GetBoolean(), $"{feed.Path}: feedparser flagged the feed: {result.GetProperty("bozoException")}");
            Assert.Equal("atom10", result.GetProperty("version").GetString());
            Assert.Equal(feed.Title, result.GetProperty("title").GetString());
            AssertEntries(feed, result.GetProperty("entries"));

            Assert.False(string.IsNullOrEmpty(result.GetProperty("etag").GetString()), $"{feed.Path}: no ETag reached feedparser");
            Assert.False(string.IsNullOrEmpty(result.GetProperty("modified").GetString()), $"{feed.Path}: no Last-Modified reached feedparser");
            Assert.True(304 == result.GetProperty("secondStatus").GetInt32(), $"{feed.Path}: the conditional poll answered {result.GetProperty("secondStatus")}, not 304");
            Assert.Equal(0, result.GetProperty("secondEntries").GetInt32());
        }
    }

    private static void AssertEntries(ExpectedFeed feed, JsonElement entries)
    {
        var read = entries.EnumerateArray().ToList();
        Assert.True(feed.Entries.Count == read.Count, $"{feed.Path}: feedparser read {read.Count} entries of {feed.Entries.Count}");
        Assert.NotEmpty(read);
        foreach (var (expected, entry) in feed.Entries.Zip(read))
        {
            Assert.Equal(expected.Id, entry.GetProperty("id").GetString());
            Assert.Equal(expected.Title, entry.GetProperty("title").GetString());
            Assert.Equal(expected.Link, entry.GetProperty("link").GetString());
            Assert.Equal(expected.PublishedText, entry.GetProperty("published").GetString() ?? string.Empty);
            Assert.Equal(expected.UpdatedText, entry.GetProperty("updated").GetString());
            Assert.Equal(expected.Author, entry.GetProperty("author").GetString());
        }
    }
}
