using Aggregator.Model;
using static Aggregator.Tests.Publishing.PublishingTestSite;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Atom;

public sealed class FeedPagingTests
{
    private static PublishedArticle[] Stories(int count) =>
        Enumerable.Range(0, count).Select(i => Article($"s{i:00}", Noon.AddMinutes(-i), categories: ["Markets"])).ToArray();

    [Fact]
    public async Task PagesSplitTheNewestFirstListAndLinkEachOther()
    {
        var site = await BuildAsync(Settings(entriesPerFeed: 2), Stories(5));

        var first = Feed(site, "feeds/markets.atom").Root!;
        var second = Feed(site, "feeds/markets/page-2.atom").Root!;
        var third = Feed(site, "feeds/markets/page-3.atom").Root!;

        Assert.Equal(["s00", "s01"], Titles(first));
        Assert.Equal(["s02", "s03"], Titles(second));
        Assert.Equal(["s04"], Titles(third));
        Assert.Equal("https://news.example.org/feeds/markets/page-2.atom", Link(first, "next"));
        Assert.Null(Link(first, "previous"));
        Assert.Equal("https://news.example.org/feeds/markets.atom", Link(second, "previous"));
        Assert.Equal("https://news.example.org/feeds/markets/page-3.atom", Link(second, "next"));
        Assert.Equal("https://news.example.org/feeds/markets/page-2.atom", Link(third, "previous"));
        Assert.Null(Link(third, "next"));
        Assert.All(new[] { first, second, third }, page =>
        {
            Assert.Equal("https://news.example.org/feeds/markets.atom", Link(page, "first"));
            Assert.Equal("https://news.example.org/feeds/markets/page-3.atom", Link(page, "last"));
            Assert.Equal("tag:news.example.org,2021:feeds/markets", page.Element(AtomNs + "id")!.Value);
        });
        Assert.Equal("https://news.example.org/feeds/markets/page-2.atom", Link(second, "self"));
    }

    [Fact]
    public async Task PagesStopAtTheConfiguredCap()
    {
        var site = await BuildAsync(Settings(entriesPerFeed: 2), Stories(9), maxPages: 3);

        Assert.NotNull(site.Find("feeds/markets/page-3.atom"));
        Assert.Null(site.Find("feeds/markets/page-4.atom"));
        Assert.Null(Link(Feed(site, "feeds/markets/page-3.atom").Root!, "next"));
        Assert.Equal(["s04", "s05"], Titles(Feed(site, "feeds/markets/page-3.atom").Root!));
    }

    [Fact]
    public async Task FeedThatFitsOnePageHasNoOtherPages()
    {
        var site = await BuildAsync(Settings(entriesPerFeed: 10), Stories(3));
        var root = Feed(site, "feeds/markets.atom").Root!;

        Assert.Null(Link(root, "next"));
        Assert.Equal(Link(root, "self"), Link(root, "last"));
        Assert.DoesNotContain(site.Files, f => f.Path.Contains("/page-", StringComparison.Ordinal));
    }

    private static List<string> Titles(System.Xml.Linq.XElement feed) =>
        feed.Elements(AtomNs + "entry").Select(e => e.Element(AtomNs + "title")!.Value.Replace("Story ", "", StringComparison.Ordinal)).ToList();
}
