using Aggregator.Model;
using Aggregator.Normalizing;

namespace Aggregator.Tests.Normalizing;

/// <summary>
/// An entry with a guid is identified without working out its link (a re-poll of known entries never
/// needs one); the link it gets when asked must be the one an eager stamp would have had.
/// </summary>
public sealed class EntryStampTests
{
    private static readonly SourceDefinition Source = new()
    {
        Id = "cs",
        Title = "中证网",
        Url = new Uri("https://www.cs.com.cn/rss/gs.xml"),
        Categories = ["金融"],
        Schedule = "0 */10 * * * ?",
    };

    private static ParsedFeed Feed(params ParsedEntry[] entries) =>
        new() { Format = FeedFormat.Rss20, Link = "https://www.cs.com.cn/", Entries = entries };

    private static EntryStamp Stamp(ParsedEntry entry) => ArticleNormalizer.Identify(entry, 0, Feed(entry), Source);

    [Fact]
    public void AGuidEntryIsKeyedByItsTrimmedGuidAndGetsItsOwnCanonicalLinkWhenAsked()
    {
        var stamp = Stamp(new ParsedEntry { Id = "  cs-1000184 ", Link = "/gs/202406/t1000184.html?utm_source=rss#top" });

        Assert.Equal("cs-1000184", stamp.EntryKey);
        Assert.Equal("https://www.cs.com.cn/gs/202406/t1000184.html", stamp.Link);
        Assert.True(stamp.LinkIsOwn);
    }

    [Fact]
    public void AGuidEntryWithoutALinkFallsBackToTheFeedsLink()
    {
        var stamp = Stamp(new ParsedEntry { Id = "cs-7" });

        Assert.False(stamp.LinkIsOwn);
        Assert.Equal("https://www.cs.com.cn/", stamp.Link);
    }

    [Fact]
    public void AnHttpGuidServesAsTheLinkOfAnEntryWithout()
    {
        var stamp = Stamp(new ParsedEntry { Id = "HTTPS://WWW.CS.COM.CN/gs/7.html" });

        Assert.Equal("HTTPS://WWW.CS.COM.CN/gs/7.html", stamp.EntryKey);
        Assert.True(stamp.LinkIsOwn);
        Assert.Equal("https://www.cs.com.cn/gs/7.html", stamp.Link);
    }

    [Fact]
    public void AnEntryWithoutAGuidIsKeyedByItsCanonicalLink()
    {
        var stamp = Stamp(new ParsedEntry { Link = "https://www.cs.com.cn/gs/8.html?spm=a.b" });

        Assert.Equal("https://www.cs.com.cn/gs/8.html", stamp.EntryKey);
        Assert.Equal(stamp.EntryKey, stamp.Link);
        Assert.True(stamp.LinkIsOwn);
    }

    [Fact]
    public void TheLinkAskedFromManyThreadsAtOnceIsTheSame()
    {
        var stamp = Stamp(new ParsedEntry { Id = "cs-9", Link = "https://www.cs.com.cn/gs/9.html" });

        var links = Enumerable.Range(0, 16).AsParallel().Select(_ => (stamp.Link, stamp.LinkIsOwn)).Distinct().ToList();

        Assert.Equal(("https://www.cs.com.cn/gs/9.html", true), Assert.Single(links));
    }
}
