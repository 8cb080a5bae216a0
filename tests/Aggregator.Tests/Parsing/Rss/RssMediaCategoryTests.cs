using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing.Rss;

public sealed class RssMediaCategoryTests
{
    [Fact]
    public void MediaCategoriesAreEntryCategoriesUnderEitherMediaRssNamespace()
    {
        var feed = ParsingDocuments.Parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss"><channel>
            <item><title>a</title><category>own</category><media:category>cat1</media:category><media:category scheme="x">cat2</media:category>
            <media:thumbnail url="https://img.example.com/a.jpg"/></item></channel></rss>
            """);
        Assert.Equal(["own", "cat1", "cat2"], feed.Entries[0].Categories);
        Assert.Equal("https://img.example.com/a.jpg", Assert.Single(feed.Entries[0].Media).Url);
    }

    [Fact]
    public void MediaDescriptionOrItunesSummaryIsTheBodyOfLastResortEscapedAsText()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("""
            <item><title>a</title><media:group><media:description>Q&amp;A: 1 &lt; 2</media:description></media:group></item>
            <item><title>b</title><itunes:summary>Example summary</itunes:summary></item>
            <item><title>c</title><description>real</description><itunes:summary>not this</itunes:summary></item>
            """));
        Assert.Equal("Q&amp;A: 1 &lt; 2", feed.Entries[0].Summary);
        Assert.Equal("Example summary", feed.Entries[1].Summary);
        Assert.Equal("real", feed.Entries[2].Summary);
    }
}
