using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

/// <summary>Known tracker hosts, their sub-domains and FeedBurner's counter paths are trackers; look-alike hosts and other paths are not.</summary>
public sealed class TrackingPixelsTests
{
    [Theory]
    [InlineData("https://hm.baidu.com/hm.gif?si=1", true)]
    [InlineData("https://a.hm.baidu.com/x.gif", true)]
    [InlineData("https://HM.Baidu.com/x.gif", true)]
    [InlineData("https://xhm.baidu.com/x.gif", false)]
    [InlineData("https://baidu.com/x.gif", false)]
    [InlineData("https://cnzz.com/c.gif", true)]
    [InlineData("https://z.cnzz.com/c.gif", true)]
    [InlineData("https://notcnzz.com/c.gif", false)]
    [InlineData("https://feeds.feedburner.com/~r/site/~4/abc", true)]
    [InlineData("https://FEEDS.feedburner.com/~R/site", true)]
    [InlineData("https://feeds.feedburner.com/site", false)]
    [InlineData("https://x.feeds.feedburner.com/~r/site", false)]
    [InlineData("https://feedproxy.google.com/~r/site/~3/x", true)]
    [InlineData("https://stats.example.cn/p.gif", true)]
    [InlineData("https://static.example.cn/upload/a.jpg", false)]
    public void TrackersAreRecognisedByHostAndPath(string url, bool tracker) =>
        Assert.Equal(tracker, TrackingPixels.IsTracker(new Uri(url)));
}
