using Aggregator.Model;
using Aggregator.Parsing;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing.Json;

public sealed class JsonFeedReaderTests
{
    [Fact]
    public void AJsonFeed11ItemMapsOntoTheModel()
    {
        var feed = ParsingDocuments.Parse("""
            {
              "version": "https://jsonfeed.org/version/1.1", "title": "JSON news", "home_page_url": "https://j.example.com/",
              "language": "zh-CN", "authors": [{"name": "Desk"}],
              "items": [{
                "id": "1", "url": "/posts/1", "title": "First", "content_html": "<p>Hi</p>", "summary": "Hi",
                "image": "https://img.example.com/1.jpg", "date_published": "2021-05-13T20:34:00+08:00",
                "date_modified": "2021-05-14T00:00:00Z", "tags": ["a", "b"], "authors": [{"name": "Zhao"}],
                "attachments": [{"url": "https://cdn.example.com/1.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 99}]
              }, {
                "id": 2, "external_url": "https://elsewhere.example.com/2", "content_text": "a < b", "author": {"name": "Qian"}
              }]
            }
            """, "application/feed+json");

        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal(("JSON news", "https://j.example.com/", "zh-CN", "Desk"), (feed.Title, feed.Link, feed.Language, feed.Author));
        var first = feed.Entries[0];
        Assert.Equal(("1", "https://news.example.com/posts/1", "First"), (first.Id, first.Link, first.Title));
        Assert.Equal(("<p>Hi</p>", "Hi"), (first.Content, first.Summary));
        Assert.Equal(["a", "b"], first.Categories);
        Assert.Equal(["Zhao"], first.Authors);
        Assert.Equal(("2021-05-13T20:34:00+08:00", "2021-05-14T00:00:00Z"), (first.Published, first.Updated));
        Assert.Equal([MediaKind.MediaThumbnail, MediaKind.Enclosure], first.Media.Select(m => m.Kind));
        var second = feed.Entries[1];
        Assert.Equal(("2", "https://elsewhere.example.com/2", "a &lt; b"), (second.Id, second.Link, second.Content));
        Assert.Equal(["Qian"], second.Authors);
    }

    [Fact]
    public void JsonThatIsNotAJsonFeedIsRefused()
    {
        var error = Assert.Throws<FeedParseException>(() => ParsingDocuments.Parse("""{"hello": "world"}"""));

        Assert.StartsWith("parse: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenJsonIsRefusedWithAReadableError()
    {
        var error = Assert.Throws<FeedParseException>(() => ParsingDocuments.Parse("""{"version": "https://jsonfeed.org/version/1", "items": [ """));

        Assert.StartsWith("parse: the JSON document is not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
