using Aggregator.Publishing;
using Aggregator.Publishing.Atom;
using Aggregator.Tests.Support;
using static Aggregator.Tests.Publishing.PublishingTestSite;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Atom;

public sealed class EntryFragmentCacheTests
{
    [Fact]
    public async Task ArticleChangedBetweenPublishesIsRenderedAgain()
    {
        var cache = new EntryFragmentCache();
        var builder = new SiteBuilder(Options(), cache);
        var before = Article("a", Noon);
        await builder.BuildAsync(Settings(), new InMemoryArticleStore([before]), CancellationToken.None);
        var after = before with { Article = before.Article with { Title = "Corrected title", ContentHash = "hash-a2" }, LastChanged = Noon.AddHours(2) };

        var site = await builder.BuildAsync(Settings(), new InMemoryArticleStore([after]), CancellationToken.None);

        var entry = Entries(Feed(site, "feeds/all.atom")).Single();
        Assert.Equal("Corrected title", entry.Element(AtomNs + "title")!.Value);
        Assert.StartsWith("2026-03-02T14:00:00.", entry.Element(AtomNs + "updated")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelatedReportAddedLaterShowsUpEvenThoughTheContentDidNotChange()
    {
        var builder = new SiteBuilder(Options(), new EntryFragmentCache());
        var story = Article("a", Noon);
        await builder.BuildAsync(Settings(), new InMemoryArticleStore([story]), CancellationToken.None);

        var merged = story with { AlsoReportedBy = [new Aggregator.Model.RelatedReport("mw", "MarketWatch", "https://mw.example.com/x.html")] };
        var site = await builder.BuildAsync(Settings(), new InMemoryArticleStore([merged]), CancellationToken.None);

        Assert.Equal("https://mw.example.com/x.html", Link(Entries(Feed(site, "feeds/all.atom")).Single(), "related"));
    }

    [Fact]
    public async Task CachedPublishGivesTheSameBytesAsAFreshOneAndForgetsArticlesNoLongerPublished()
    {
        var cache = new EntryFragmentCache();
        var warm = new SiteBuilder(Options(), cache);
        await warm.BuildAsync(Settings(), new InMemoryArticleStore([Article("a", Noon), Article("gone", Noon.AddHours(-1))]), CancellationToken.None);
        var store = new InMemoryArticleStore([Article("a", Noon), Article("b", Noon.AddMinutes(-5))]);

        var cached = await warm.BuildAsync(Settings(), store, CancellationToken.None);
        var fresh = await new SiteBuilder(Options()).BuildAsync(Settings(), store, CancellationToken.None);

        Assert.All(fresh.Files, f => Assert.Equal(f.Content, cached.Find(f.Path)!.Content));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task NewBaseUrlEmptiesTheCacheSoSchemesFollow()
    {
        var builder = new SiteBuilder(Options(), new EntryFragmentCache());
        await builder.BuildAsync(Settings(), new InMemoryArticleStore([Article("a", Noon)]), CancellationToken.None);
        var moved = Settings() with { Site = Settings().Site with { BaseUrl = new Uri("https://moved.example.net/") } };

        var site = await builder.BuildAsync(moved, new InMemoryArticleStore([Article("a", Noon)]), CancellationToken.None);

        var category = Entries(Feed(site, "feeds/all.atom")).Single().Element(AtomNs + "category")!;
        Assert.Equal("https://moved.example.net/", (string?)category.Attribute("scheme"));
    }
}
