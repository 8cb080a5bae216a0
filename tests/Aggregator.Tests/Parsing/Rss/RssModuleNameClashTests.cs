using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing.Rss;

/// <summary>An element of some module that shares a local name with an RSS element is not that RSS element.</summary>
public sealed class RssModuleNameClashTests
{
    [Fact]
    public void AModuleDescriptionBeforeTheRealOneIsNotTheItemsDescription()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("""
            <item xmlns:szf="http://schemas.pocketsoap.com/rss/myDescModule/">
              <szf:description>not this</szf:description><description>correct description</description><szf:title>nor this</szf:title><title>Right</title>
            </item>
            """));
        Assert.Equal("correct description", feed.Entries[0].Summary);
        Assert.Equal("Right", feed.Entries[0].Title);
    }

    [Fact]
    public void ElementsPrefixedWithAnRssNamespaceStillCount()
    {
        var feed = ParsingDocuments.Parse("""
            <r:rss xmlns:r="http://backend.userland.com/rss2" version="2.0"><r:channel><r:title>C</r:title>
            <r:item><r:title>Item</r:title><r:link>https://news.example.com/1</r:link></r:item></r:channel></r:rss>
            """);
        Assert.Equal("Item", feed.Entries[0].Title);
        Assert.Equal("https://news.example.com/1", feed.Entries[0].Link);
    }
}
