using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Tests.Support;
using static Aggregator.Tests.Publishing.PublishingTestSite;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Atom;

public sealed partial class AtomFeedWriterTests
{
    private static readonly PublishedArticle[] ThreeStories =
    [
        Article("a1", Noon.AddHours(-3), categories: ["金融"]),
        Article("a2", Noon.AddHours(-1), sourceId: "mw", categories: ["Markets"], author: "Jane Doe"),
        Article("a3", Noon, categories: ["金融", "要闻"], thumbnail: "https://img.example.com/p/a3.png"),
    ];

    [Fact]
    public async Task EveryCategoryAndTheFeedOfEverythingArePublishedAsAtom()
    {
        var site = await BuildAsync(Settings(), ThreeStories);

        foreach (var path in new[] { "feeds/all.atom", "feeds/finance.atom", "feeds/headlines.atom", "feeds/markets.atom" })
        {
            var file = site.Find(path);
            Assert.NotNull(file);
            Assert.Equal("application/atom+xml; charset=utf-8", file.ContentType);
            Assert.NotEqual(0xEF, file.Content[0]);
        }
    }

    [Fact]
    public async Task CategoryFeedHoldsOnlyItsCategoryNewestFirst()
    {
        var site = await BuildAsync(Settings(), ThreeStories);

        var finance = Entries(Feed(site, "feeds/finance.atom")).Select(e => Link(e, "alternate")).ToList();
        var all = Entries(Feed(site, "feeds/all.atom")).Select(e => Link(e, "alternate")).ToList();

        Assert.Equal(["https://stcn.example.com/news/a3.html", "https://stcn.example.com/news/a1.html"], finance);
        Assert.Equal(["https://stcn.example.com/news/a3.html", "https://mw.example.com/news/a2.html", "https://stcn.example.com/news/a1.html"], all);
    }

    [Fact]
    public async Task SyndicationFeedReadsTheSameEntriesBack()
    {
        var site = await BuildAsync(Settings(), ThreeStories);

        using var reader = XmlReader.Create(new MemoryStream(site.Find("feeds/all.atom")!.Content));
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal("财经聚合", feed.Title.Text);
        Assert.Equal(["Story a3", "Story a2", "Story a1"], feed.Items.Select(i => i.Title.Text));
        Assert.Equal(["证券时报网", "Jane Doe", "证券时报网"], feed.Items.Select(i => i.Authors.Single().Name));
        Assert.Equal([Noon, Noon.AddHours(-1), Noon.AddHours(-3)], feed.Items.Select(i => i.PublishDate));
        Assert.Equal("https://stcn.example.com/news/a3.html", feed.Items.First().Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal("<p>Body of a3 &amp; more</p>", ((TextSyndicationContent)feed.Items.First().Content).Text);
        Assert.Equal("Summary of a3", feed.Items.First().Summary.Text);
    }

    [Fact]
    public async Task EntryIdsAreUniqueAbsoluteAndTheSameInEveryFeed()
    {
        var site = await BuildAsync(Settings(), ThreeStories);

        var allIds = Entries(Feed(site, "feeds/all.atom")).Select(e => e.Element(AtomNs + "id")!.Value).ToList();
        var financeIds = Entries(Feed(site, "feeds/finance.atom")).Select(e => e.Element(AtomNs + "id")!.Value).ToList();

        Assert.Equal(allIds.Count, allIds.Distinct().Count());
        Assert.All(allIds, id => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
        Assert.All(allIds, id => Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _)));
        Assert.Equal(NameBasedUuid.EntryUrn("a3"), allIds[0]);
        Assert.Equal([allIds[0], allIds[2]], financeIds);
    }

    [Fact]
    public async Task DatesAreRfc3339InUtc()
    {
        var offsetStory = Article("tz", new DateTimeOffset(2026, 3, 2, 20, 30, 0, TimeSpan.FromHours(8)));
        var site = await BuildAsync(Settings(), [.. ThreeStories, offsetStory]);
        var feed = Feed(site, "feeds/all.atom");

        var dates = feed.Descendants().Where(e => e.Name == AtomNs + "published" || e.Name == AtomNs + "updated").Select(e => e.Value).ToList();

        Assert.All(dates, d => Assert.Matches(Rfc3339Utc(), d));
        Assert.Contains("2026-03-02T12:30:00Z", dates);
        Assert.StartsWith("2026-03-02T12:30:00.", feed.Root!.Element(AtomNs + "updated")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEntryHasAnAuthorEvenWhenTheArticleHasNone()
    {
        var site = await BuildAsync(Settings(), [.. ThreeStories, Article("anon", Noon.AddHours(-5), author: " ")]);

        var authors = Entries(Feed(site, "feeds/all.atom")).Select(e => e.Element(AtomNs + "author")?.Element(AtomNs + "name")?.Value).ToList();

        Assert.All(authors, a => Assert.False(string.IsNullOrWhiteSpace(a)));
        Assert.Equal("证券时报网", authors[^1]);
    }

    [Fact]
    public async Task FeedHasTagIdAbsoluteSelfAlternateTitleAuthorAndGenerator()
    {
        var site = await BuildAsync(Settings(), ThreeStories);
        var root = Feed(site, "feeds/finance.atom").Root!;

        Assert.Equal("tag:news.example.org,2021:feeds/finance", root.Element(AtomNs + "id")!.Value);
        Assert.Equal("财经聚合 · 金融", root.Element(AtomNs + "title")!.Value);
        Assert.Equal("财经聚合", root.Element(AtomNs + "author")!.Element(AtomNs + "name")!.Value);
        Assert.Equal("Aggregator", root.Element(AtomNs + "generator")!.Value);
        Assert.Equal("https://news.example.org/feeds/finance.atom", Link(root, "self"));
        Assert.Equal("https://news.example.org/", Link(root, "alternate"));
    }

    [Fact]
    public async Task ThumbnailIsBothMediaThumbnailAndATypedEnclosure()
    {
        var site = await BuildAsync(Settings(), [.. ThreeStories, Article("jpg", Noon.AddDays(-1), thumbnail: "https://img.example.com/photo?id=7")]);
        var entries = Entries(Feed(site, "feeds/all.atom"));
        var png = entries[0];
        var noExtension = entries[^1];

        Assert.Equal("https://img.example.com/p/a3.png", png.Element(MediaNs + "thumbnail")!.Attribute("url")!.Value);
        var enclosure = png.Elements(AtomNs + "link").Single(l => (string?)l.Attribute("rel") == "enclosure");
        Assert.Equal("image/png", (string?)enclosure.Attribute("type"));
        Assert.Equal("https://img.example.com/p/a3.png", (string?)enclosure.Attribute("href"));
        Assert.Equal("image/jpeg", (string?)noExtension.Elements(AtomNs + "link").Single(l => (string?)l.Attribute("rel") == "enclosure").Attribute("type"));
        Assert.Null(entries[1].Element(MediaNs + "thumbnail"));
    }

    [Fact]
    public async Task OtherReportsBecomeRelatedLinksWithoutRepeatingTheAlternate()
    {
        var story = Article("dup", Noon) with
        {
            AlsoReportedBy =
            [
                new RelatedReport("mw", "MarketWatch", "https://mw.example.com/news/same.html"),
                new RelatedReport("stcn2", "证券时报网 copy", "https://stcn.example.com/news/dup.html"),
                new RelatedReport("mw2", "MarketWatch again", "https://mw.example.com/news/same.html"),
            ],
        };
        var site = await BuildAsync(Settings(), [story]);
        var entry = Entries(Feed(site, "feeds/all.atom")).Single();

        var related = entry.Elements(AtomNs + "link").Where(l => (string?)l.Attribute("rel") == "related").ToList();
        Assert.Equal("https://mw.example.com/news/same.html", (string?)related.Single().Attribute("href"));
        Assert.Equal("MarketWatch", (string?)related.Single().Attribute("title"));
        Assert.Single(entry.Elements(AtomNs + "link"), l => (string?)l.Attribute("rel") == "alternate");
    }

    [Fact]
    public async Task CategoriesCarryTermAndLabelAndTheSiteSchemeOnlyForConfiguredOnes()
    {
        var site = await BuildAsync(Settings(), [Article("c", Noon, categories: ["金融", "entry-tag"])]);
        var categories = Entries(Feed(site, "feeds/all.atom")).Single().Elements(AtomNs + "category").ToList();

        Assert.Equal(["金融", "entry-tag"], categories.Select(c => (string?)c.Attribute("term")));
        Assert.Equal(["金融", "entry-tag"], categories.Select(c => (string?)c.Attribute("label")));
        Assert.Equal("https://news.example.org/", (string?)categories[0].Attribute("scheme"));
        Assert.Null(categories[1].Attribute("scheme"));
    }

    [Fact]
    public async Task SourceElementNamesTheOrigin()
    {
        var site = await BuildAsync(Settings(), ThreeStories);
        var source = Entries(Feed(site, "feeds/all.atom"))[1].Element(AtomNs + "source")!;

        Assert.Equal("https://mw.example.com/rss.xml", source.Element(AtomNs + "id")!.Value);
        Assert.Equal("MarketWatch", source.Element(AtomNs + "title")!.Value);
        Assert.Equal("https://mw.example.com/rss.xml", Link(source, "self"));
    }

    [Fact]
    public async Task CharactersInvalidInXmlAreDroppedFromText()
    {
        var dirty = Article("dirty", Noon) with { };
        dirty = dirty with { Article = dirty.Article with { Title = "Bad\u0001 title\uFFFE", Body = "<p>a\u0008b</p>", Summary = "x\u001Fy" } };
        var site = await BuildAsync(Settings(), [dirty]);
        var entry = Entries(Feed(site, "feeds/all.atom")).Single();

        Assert.Equal("Bad title", entry.Element(AtomNs + "title")!.Value);
        Assert.Equal("<p>ab</p>", entry.Element(AtomNs + "content")!.Value);
        Assert.Equal("xy", entry.Element(AtomNs + "summary")!.Value);
    }

    [Fact]
    public async Task SameDataGivesTheSameBytes()
    {
        var first = await BuildAsync(Settings(), ThreeStories);
        var second = await BuildAsync(Settings(), ThreeStories.Reverse());

        Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
        Assert.All(first.Files, f => Assert.Equal(f.Content, second.Find(f.Path)!.Content));
    }

    [Fact]
    public async Task EmptyCategoryFeedIsStillAFeedWithAFixedUpdatedTime()
    {
        var site = await BuildAsync(Settings(), []);
        var root = Feed(site, "feeds/markets.atom").Root!;

        Assert.Empty(Entries(root.Document!));
        Assert.Equal("2021-01-01T00:00:00.000000Z", root.Element(AtomNs + "updated")!.Value);
        Assert.NotNull(root.Element(AtomNs + "author"));
    }

    [Fact]
    public async Task UpdatedMovesOnlyWhenTheStoredContentChanged()
    {
        var unchanged = Article("u", Noon);
        var changed = Article("c", Noon.AddHours(-2)) with { LastChanged = Noon.AddHours(1) };
        var site = await BuildAsync(Settings(), [unchanged, changed]);
        var entries = Entries(Feed(site, "feeds/all.atom"));

        Assert.StartsWith("2026-03-02T12:00:00.", entries[0].Element(AtomNs + "updated")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("2026-03-02T13:00:00.", entries[1].Element(AtomNs + "updated")!.Value, StringComparison.Ordinal);
        Assert.Equal("2026-03-02T10:00:00Z", entries[1].Element(AtomNs + "published")!.Value);
    }

    [Fact]
    public async Task EntriesOfTheSameSecondGetDistinctUpdatedValuesThatDoNotDependOnTheirNeighbours()
    {
        var same = Enumerable.Range(0, 20).Select(i => Article($"same{i}", Noon, categories: i % 2 == 0 ? ["金融"] : ["要闻"])).ToList();
        var site = await BuildAsync(Settings(), same);

        var all = Entries(Feed(site, "feeds/all.atom")).ToDictionary(e => e.Element(AtomNs + "id")!.Value, e => e.Element(AtomNs + "updated")!.Value);
        var finance = Entries(Feed(site, "feeds/finance.atom")).ToDictionary(e => e.Element(AtomNs + "id")!.Value, e => e.Element(AtomNs + "updated")!.Value);

        Assert.Equal(20, all.Values.Distinct().Count());
        Assert.All(finance, pair => Assert.Equal(all[pair.Key], pair.Value));
        Assert.All(all.Values, v => Assert.StartsWith("2026-03-02T12:00:00.", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnArticleTheStoreReturnsTwiceIsPublishedOnce()
    {
        var site = await BuildAsync(Settings(), [Article("twice", Noon), Article("twice", Noon)]);

        Assert.Single(Entries(Feed(site, "feeds/all.atom")));
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{6})?Z$")]
    private static partial Regex Rfc3339Utc();
}
