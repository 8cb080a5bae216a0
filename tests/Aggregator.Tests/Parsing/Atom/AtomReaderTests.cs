using Aggregator.Model;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing.Atom;

public sealed class AtomReaderTests
{
    [Fact]
    public void AnAtom10EntryKeepsEveryFieldAsWritten()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-us">
              <title>Atom feed</title><link rel="self" href="https://news.example.com/atom"/><link href="https://news.example.com/"/>
              <author><name>Desk</name></author>
              <entry>
                <id>tag:example.com,2021:1</id>
                <title type="html">Rates &amp;lt;up&amp;gt;</title>
                <link rel="alternate" type="text/html" href="https://news.example.com/1"/>
                <link rel="enclosure" type="image/png" length="10" href="https://img.example.com/1.png"/>
                <link rel="replies" type="text/html" href="https://news.example.com/1#c"/>
                <author><name>Wang</name></author><author><email>li@example.com</email></author>
                <published>2021-05-13T20:34:00+08:00</published><updated>2021-05-14T08:00:00Z</updated>
                <category term="markets"/><category term="bonds" label="Bonds"/>
                <summary>Plain &lt; text</summary>
                <content type="html">&lt;p&gt;Body&lt;/p&gt;</content>
                <source><id>other</id><title>Other Wire</title><link href="https://other.example.com/"/></source>
              </entry>
            </feed>
            """);

        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal(("Atom feed", "https://news.example.com/", "en-us", "Desk"), (feed.Title, feed.Link, feed.Language, feed.Author));
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("tag:example.com,2021:1", entry.Id);
        Assert.Equal("Rates &lt;up&gt;", entry.Title);
        Assert.True(entry.TitleIsHtml);
        Assert.Equal("https://news.example.com/1", entry.Link);
        Assert.Equal(["Wang", "li@example.com"], entry.Authors);
        Assert.Equal(("2021-05-13T20:34:00+08:00", "2021-05-14T08:00:00Z"), (entry.Published, entry.Updated));
        Assert.Equal(["markets", "bonds"], entry.Categories);
        Assert.Equal("Plain &lt; text", entry.Summary);
        Assert.Equal("<p>Body</p>", entry.Content);
        Assert.Equal("https://news.example.com/1#c", entry.CommentsUrl);
        Assert.Equal("Other Wire", entry.SourceTitle);
        Assert.Equal(new MediaReference("https://img.example.com/1.png", MediaKind.Enclosure, "image/png", 10), Assert.Single(entry.Media));
    }

    [Fact]
    public void XhtmlContentIsSerializedAsHtmlWithoutItsWrappingDiv()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
              <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> title</div></title>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p class="x">One &amp; <img src="a.jpg"/></p><br/></div></content>
            </entry></feed>
            """);

        var entry = feed.Entries[0];
        Assert.Equal("A <b>bold</b> title", entry.Title);
        Assert.True(entry.TitleIsHtml);
        Assert.Equal("<p class=\"x\">One &amp; <img src=\"a.jpg\" /></p><br />", entry.Content);
    }

    [Fact]
    public void NestedXmlBaseResolvesTheLinkAndTheContentBaseIsRecorded()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example.com/feed/">
              <entry xml:base="2021/">
                <link href="story.html"/>
                <content type="html" xml:base="/assets/">&lt;img src="x.jpg"&gt;</content>
              </entry>
            </feed>
            """);

        var entry = feed.Entries[0];
        Assert.Equal("https://a.example.com/feed/2021/story.html", entry.Link);
        Assert.Equal("https://a.example.com/assets/", entry.BaseUri);
    }

    [Fact]
    public void Atom03EntriesReadIssuedModifiedAndEscapedContent()
    {
        var feed = ParsingDocuments.Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title mode="escaped" type="text/html">Old &lt;i&gt;feed&lt;/i&gt;</title>
              <entry>
                <title>Entry</title><link rel="alternate" type="text/html" href="http://a.example.com/1"/>
                <issued>2004-01-01T12:00:00Z</issued><modified>2004-01-02T12:00:00Z</modified><id>urn:1</id>
                <content type="text/html" mode="escaped">&lt;p&gt;hi&lt;/p&gt;</content>
                <summary type="text/plain" mode="base64">aGVsbG8=</summary>
              </entry>
            </feed>
            """);

        Assert.Equal(FeedFormat.Atom03, feed.Format);
        var entry = feed.Entries[0];
        Assert.Equal(("Entry", "http://a.example.com/1", "urn:1"), (entry.Title, entry.Link, entry.Id));
        Assert.Equal(("2004-01-01T12:00:00Z", "2004-01-02T12:00:00Z"), (entry.Published, entry.Updated));
        Assert.Equal("<p>hi</p>", entry.Content);
        Assert.Equal("hello", entry.Summary);
    }

    [Fact]
    public void AWebUrlIdIsTheLinkWhenTheEntryHasNone()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>https://a.example.com/1</id><title>a</title></entry>
              <entry><id>urn:uuid:1</id><title>b</title></entry>
            </feed>
            """);

        Assert.Equal("https://a.example.com/1", feed.Entries[0].Link);
        Assert.Null(feed.Entries[1].Link);
    }

    [Fact]
    public void MediaExtensionsInsideAtomAreRead()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
              <entry><title>a</title><media:thumbnail url="https://img.example.com/t.jpg"/></entry>
            </feed>
            """);

        Assert.Equal(MediaKind.MediaThumbnail, Assert.Single(feed.Entries[0].Media).Kind);
    }
}
