namespace Aggregator.Tests.Http.Clients;

/// <summary>newsboat, polling `serve` over HTTP, reads every served feed intact, then polls conditionally and gets 304.</summary>
public sealed class NewsboatReadsServedFeedsTests(ClientSample server) : IClassFixture<ClientSample>
{
    [Fact]
    public void NewsboatReadsEveryServedFeedWithAllEntriesAndItsConditionalReloadGetsNotModified()
    {
        NewsboatClient.Require();
        var feeds = server.Feeds;
        Assert.Contains(feeds, feed => feed.Path.Contains("/page-", StringComparison.Ordinal));
        Assert.Contains(feeds, feed => feed.Path == "feeds/all.atom");

        // One reader per feed: newsboat keys cached items by guid across all its feeds, and an entry
        // rightly keeps its id in every feed that carries it, so a shared cache would file it under one.
        foreach (var feed in feeds)
            ReadsIntactThenGetsNotModified(feed);
    }

    private void ReadsIntactThenGetsNotModified(ExpectedFeed feed)
    {
        var url = server.UrlOf(feed).AbsoluteUri;
        using var newsboat = new NewsboatClient([server.UrlOf(feed)]);

        var okBefore = server.FeedResponses("200");
        newsboat.Reload();
        Assert.True(server.FeedResponses("200") - okBefore == 1, $"{feed.Path}: the first reload was not answered 200 once");

        var cached = Assert.Single(newsboat.Feeds());
        Assert.Equal(url, cached.RssUrl);
        Assert.Equal(feed.Title, cached.Title);
        var items = newsboat.Items().ToDictionary(item => item.Guid, StringComparer.Ordinal);
        Assert.True(feed.Entries.Count == items.Count, $"{feed.Path}: newsboat read {items.Count} entries of {feed.Entries.Count}");
        Assert.NotEmpty(items);
        foreach (var expected in feed.Entries)
        {
            Assert.True(items.TryGetValue(expected.Id, out var item), $"{feed.Path}: newsboat lost entry {expected.Id}");
            Assert.Equal(url, item.FeedUrl);
            Assert.Equal(expected.Title, item.Title);
            Assert.Equal(expected.Link, item.Url);
            Assert.Equal(expected.Author, item.Author);
            Assert.Equal(expected.Date.ToUnixTimeSeconds(), item.PubDate);
        }

        // newsboat 2.21 stores a feed's ETag and Last-Modified with an UPDATE of its cached row, which
        // the first reload has not written yet: the validators are kept from the second reload on and
        // the third is the first conditional one. The server's own counters show it answered 304.
        newsboat.Reload();
        Assert.False(string.IsNullOrEmpty(Assert.Single(newsboat.Feeds()).ETag), $"{feed.Path}: newsboat kept no ETag to poll with");
        var notModifiedBefore = server.FeedResponses("304");
        okBefore = server.FeedResponses("200");
        newsboat.Reload();
        Assert.True(server.FeedResponses("304") - notModifiedBefore == 1, $"{feed.Path}: the conditional reload was not answered 304");
        Assert.Equal(0, server.FeedResponses("200") - okBefore);
        Assert.Equal(items.Count, newsboat.Items().Count);
    }
}
