using Aggregator.Model;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing.Rss;

public sealed class RssReaderTests
{
    [Fact]
    public void AnRss20ItemKeepsEveryFieldAsWritten()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("""
            <item>
              <title>A &lt;b&gt;bold&lt;/b&gt; move</title>
              <link>https://news.example.com/a/1.html</link>
              <guid isPermaLink="false">abc-1</guid>
              <pubDate>Thu, 13 May 2021 20:34:00 +0800</pubDate>
              <dc:creator>张三</dc:creator>
              <category>要闻</category><dc:subject>股市</dc:subject>
              <description><![CDATA[<p>Short</p>]]></description>
              <content:encoded><![CDATA[<p>Long <img src="/i/1.jpg"></p>]]></content:encoded>
              <comments>https://news.example.com/a/1.html#comments</comments>
              <enclosure url="https://img.example.com/e.jpg" type="image/jpeg" length="1234"/>
            </item>
            """, "<language>zh-cn</language><managingEditor>editor@example.com (Editor)</managingEditor>"));

        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal(("Channel", "https://news.example.com/", "zh-cn", "editor@example.com (Editor)"), (feed.Title, feed.Link, feed.Language, feed.Author));
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("A <b>bold</b> move", entry.Title);
        Assert.False(entry.TitleIsHtml);
        Assert.Equal("https://news.example.com/a/1.html", entry.Link);
        Assert.Equal("abc-1", entry.Id);
        Assert.Equal("Thu, 13 May 2021 20:34:00 +0800", entry.Published);
        Assert.Equal(["张三"], entry.Authors);
        Assert.Equal(["要闻", "股市"], entry.Categories);
        Assert.Equal("<p>Short</p>", entry.Summary);
        Assert.Equal("<p>Long <img src=\"/i/1.jpg\"></p>", entry.Content);
        Assert.Equal("https://news.example.com/a/1.html#comments", entry.CommentsUrl);
        Assert.Equal(new MediaReference("https://img.example.com/e.jpg", MediaKind.Enclosure, "image/jpeg", 1234), Assert.Single(entry.Media));
    }

    [Fact]
    public void APermalinkGuidIsTheLinkWhenThereIsNoLink()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("""
            <item><title>a</title><guid>https://news.example.com/p/1</guid></item>
            <item><title>b</title><guid isPermaLink="false">https://news.example.com/p/2</guid></item>
            """));

        Assert.Equal("https://news.example.com/p/1", feed.Entries[0].Link);
        Assert.Null(feed.Entries[1].Link);
    }

    [Fact]
    public void MediaIsOrderedForTheThumbnailPrecedence()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("""
            <item><title>a</title>
              <itunes:image href="https://img.example.com/itunes.jpg"/>
              <enclosure url="https://cdn.example.com/talk.mp3" type="audio/mpeg"/>
              <enclosure url="https://img.example.com/enclosure.png"/>
              <media:group><media:content url="https://img.example.com/group.jpg" medium="image"/></media:group>
              <media:content url="https://img.example.com/content.jpg" type="image/jpeg"/>
              <media:thumbnail url="/thumb.jpg"/>
            </item>
            """));

        var media = feed.Entries[0].Media;
        Assert.Equal(
            ["https://news.example.com/thumb.jpg", "https://img.example.com/group.jpg", "https://img.example.com/content.jpg",
             "https://img.example.com/enclosure.png", "https://img.example.com/itunes.jpg", "https://cdn.example.com/talk.mp3"],
            media.Select(m => m.Url));
        Assert.Equal(
            [MediaKind.MediaThumbnail, MediaKind.MediaContent, MediaKind.MediaContent, MediaKind.Enclosure, MediaKind.ItunesImage, MediaKind.Enclosure],
            media.Select(m => m.Kind));
    }

    [Fact]
    public void AtomLinksInsideRssGiveTheAlternateAndEnclosures()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("""
            <item><title>a</title>
              <atom:link rel="alternate" href="https://news.example.com/alt"/>
              <atom:link rel="enclosure" href="https://img.example.com/a.jpg" type="image/jpeg"/>
            </item>
            """));

        var entry = feed.Entries[0];
        Assert.Equal("https://news.example.com/alt", entry.Link);
        Assert.Equal("https://img.example.com/a.jpg", Assert.Single(entry.Media).Url);
    }

    [Fact]
    public void UndeclaredWellKnownPrefixesStillRead()
    {
        var feed = ParsingDocuments.Parse("""
            <rss version="2.0"><channel><item><title>a</title>
              <media:thumbnail url="https://img.example.com/t.jpg"/><dc:creator>Li</dc:creator>
              <content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded>
            </item></channel></rss>
            """);

        var entry = feed.Entries[0];
        Assert.Equal("https://img.example.com/t.jpg", entry.Media[0].Url);
        Assert.Equal(["Li"], entry.Authors);
        Assert.Equal("<p>x</p>", entry.Content);
    }

    [Fact]
    public void AnUnknownUndeclaredPrefixIsReadAsAnUnknownExtensionWithAWarning()
    {
        var feed = ParsingDocuments.Parse("<rss><channel><item><title>a</title><foo:bar>x</foo:bar></item></channel></rss>");

        Assert.Equal("a", Assert.Single(feed.Entries).Title);
        Assert.Contains(feed.Warnings, w => w.Contains("foo", StringComparison.Ordinal));
    }

    [Fact]
    public void Rss10RdfItemsAreSiblingsOfTheChannel()
    {
        var feed = ParsingDocuments.Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://news.example.com/"><title>RDF</title><link>https://news.example.com/</link><dc:language>zh</dc:language></channel>
              <item rdf:about="https://news.example.com/1"><title>one</title><link>https://news.example.com/1</link><dc:date>2021-05-13T20:34:00+08:00</dc:date></item>
              <item rdf:about="https://news.example.com/2"><title>two</title></item>
            </rdf:RDF>
            """);

        Assert.Equal(FeedFormat.Rss10, feed.Format);
        Assert.Equal(("RDF", "zh"), (feed.Title, feed.Language));
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal("https://news.example.com/1", feed.Entries[0].Id);
        Assert.Equal("2021-05-13T20:34:00+08:00", feed.Entries[0].Published);
        Assert.Equal("https://news.example.com/2", feed.Entries[1].Link);
    }

    [Theory]
    [InlineData("0.91")]
    [InlineData("0.92")]
    [InlineData("0.94")]
    public void Rss09xChannelsRead(string version)
    {
        var feed = ParsingDocuments.Parse($"<rss version=\"{version}\"><channel><title>old</title><item><title>t</title><link>http://a/1</link></item></channel></rss>");

        Assert.Equal(FeedFormat.Rss09x, feed.Format);
        Assert.Equal("http://a/1", Assert.Single(feed.Entries).Link);
    }

    [Fact]
    public void NestedXmlBaseResolvesLinksAndIsRecordedOnTheEntry()
    {
        var feed = ParsingDocuments.Parse("""
            <rss version="2.0" xml:base="https://base.example.com/root/"><channel>
              <item xml:base="section/"><title>a</title><link>page.html</link><enclosure url="../img/a.jpg" type="image/jpeg"/></item>
              <item><title>b</title><link>/top.html</link></item>
            </channel></rss>
            """);

        Assert.Equal("https://base.example.com/root/section/page.html", feed.Entries[0].Link);
        Assert.Equal("https://base.example.com/root/img/a.jpg", feed.Entries[0].Media[0].Url);
        Assert.Equal("https://base.example.com/root/section/", feed.Entries[0].BaseUri);
        Assert.Equal("https://base.example.com/top.html", feed.Entries[1].Link);
    }

    [Fact]
    public void RelativeLinksWithoutXmlBaseResolveAgainstTheDocumentLocation()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("<item><title>a</title><link>/a/1.html</link></item>"));

        Assert.Equal("https://news.example.com/a/1.html", feed.Entries[0].Link);
        Assert.Null(feed.Entries[0].BaseUri);
    }
}
