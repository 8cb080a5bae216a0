using System.Globalization;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Normalizing;

/// <summary>Issue 7's acceptance: an RSS 2.0 item carrying the seed article normalizes to exactly the seed.</summary>
public sealed class SeedGoldenTests
{
    private static readonly NormalizingSeed Seed = NormalizingSeed.Load();

    private static readonly SourceDefinition Source = new()
    {
        Id = "stcn-yw",
        Title = "证券时报网",
        Url = new Uri("https://news.stcn.com/rss/yw.xml"),
        Categories = ["金融", "证券时报网", "要闻"],
        Schedule = "0 */5 * * * ?",
        Comments = false,
    };

    private static Article Normalize()
    {
        // What the parse stage hands over for <item><title>…</title><link>…</link><guid>…</guid>
        // <pubDate>…</pubDate><content:encoded><![CDATA[seed body]]></content:encoded></item>; no author.
        var entry = new ParsedEntry
        {
            Id = "https://news.stcn.com/news/202105/t20210513_3218925.html",
            Title = Seed.Fields["title"],
            Link = "https://news.stcn.com/news/202105/t20210513_3218925.html",
            Published = Seed.Fields["date"],
            Content = Seed.Body,
        };
        var feed = new ParsedFeed { Format = FeedFormat.Rss20, Title = "证券时报网", Link = "https://news.stcn.com/", Language = "zh-cn", Entries = [entry] };
        var seenAt = new DateTimeOffset(2021, 5, 13, 21, 0, 0, TimeSpan.Zero);
        return Assert.Single(new ArticleNormalizer().Normalize(feed, Source, seenAt));
    }

    [Fact]
    public void TitleCategoriesAuthorAndCommentsAreTheSeeds()
    {
        var article = Normalize();
        Assert.Equal(Seed.Fields["title"], article.Title);
        Assert.Equal(Seed.Categories, article.Categories);
        Assert.Equal(Seed.Fields["author"], article.Author);
        Assert.Equal(bool.Parse(Seed.Fields["comments"]), article.Comments);
    }

    [Fact]
    public void ThumbnailIsTheSeedsHeadImageAndFirstImage()
    {
        var article = Normalize();
        Assert.Equal(Seed.Fields["headimg"], article.Thumbnail);
        Assert.Equal(Seed.Fields["thumbnail"], article.Thumbnail);
    }

    [Fact]
    public void DateIsTheSeedsInUtc()
    {
        var article = Normalize();
        Assert.Equal(TimeSpan.Zero, article.Published.Offset);
        Assert.Equal(Seed.Fields["date"], article.Published.ToString("R", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SanitizedBodyIsTheSeedsByteForByte()
    {
        Assert.Equal(Seed.Body, Normalize().Body);
    }
}
