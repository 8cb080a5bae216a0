using Aggregator.Model;
using Aggregator.Normalizing;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Normalizing;

public sealed class ArticleNormalizerTests
{
    private static readonly DateTimeOffset SeenAt = new(2024, 5, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly ArticleNormalizer Normalizer = new();

    private static SourceDefinition Source(bool entryCategories = true) => new()
    {
        Id = "cs",
        Title = "中证网",
        Url = new Uri("https://www.cs.com.cn/rss/gs.xml"),
        Categories = ["金融", "中证网", "公司"],
        Schedule = "0 */10 * * * ?",
        Comments = true,
        IncludeEntryCategories = entryCategories,
    };

    private static ParsedFeed Feed(params ParsedEntry[] entries) =>
        new() { Format = FeedFormat.Rss20, Link = "https://www.cs.com.cn/", Language = "zh-cn", Entries = entries };

    private static Article One(ParsedEntry entry, SourceDefinition? source = null) =>
        Assert.Single(Normalizer.Normalize(Feed(entry), source ?? Source(), SeenAt));

    [Fact]
    public void TitlesArePlainTextWithEntitiesDecodedTagsStrippedAndSpaceCollapsed()
    {
        Assert.Equal("A股 & 港股 \"收涨\"", One(new() { Id = "1", Title = "  <b>A股</b> &amp;amp; 港股\n\t&quot;收涨&quot; " }).Title);
        Assert.Equal("Tom & Jerry", One(new() { Id = "1", Title = "<em>Tom</em> &amp; Jerry", TitleIsHtml = true }).Title);
        Assert.Equal("1 < 2", One(new() { Id = "1", Title = "1 < 2" }).Title);
    }

    [Fact]
    public void AnEntryWithoutTitleTakesTheFirstWordsOfItsSummary()
    {
        var article = One(new() { Id = "1", Summary = "<p>央行今日开展1000亿元逆回购操作，中标利率维持1.8%不变，市场流动性合理充裕，资金面平稳，短端利率小幅下行，银行间市场情绪稳定。</p>" });
        Assert.StartsWith("央行今日开展1000亿元逆回购操作", article.Title, StringComparison.Ordinal);
        Assert.EndsWith("…", article.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoriesAreConfiguredThenTheEntrysOwnWithoutDuplicates()
    {
        var entry = new ParsedEntry { Id = "1", Title = "t", Categories = [" 公司 ", "基金", "", "基金", "IPO", "ipo"] };
        Assert.Equal(["金融", "中证网", "公司", "基金", "IPO"], One(entry).Categories);
        Assert.Equal(["金融", "中证网", "公司"], One(entry, Source(entryCategories: false)).Categories);
    }

    [Fact]
    public void ThumbnailFollowsThePrecedenceAndIsAbsolute()
    {
        var body = "<p><img src=\"/body.jpg\"></p>";
        MediaReference thumb = new("thumb.jpg", MediaKind.MediaThumbnail), content = new("https://c.cn/c.png", MediaKind.MediaContent, "image/png"),
            video = new("https://c.cn/v.mp4", MediaKind.MediaContent, "video/mp4"), enclosure = new("https://c.cn/e.jpeg?x=1", MediaKind.Enclosure),
            audio = new("https://c.cn/a.mp3", MediaKind.Enclosure, "audio/mpeg"), itunes = new("https://c.cn/i.png", MediaKind.ItunesImage);
        ParsedEntry With(params MediaReference[] media) => new() { Id = "1", Title = "t", Link = "https://www.cs.com.cn/gs/1.html", Content = body, Media = media };

        Assert.Equal("https://www.cs.com.cn/gs/thumb.jpg", One(With(itunes, enclosure, content, thumb)).Thumbnail);
        Assert.Equal("https://c.cn/c.png", One(With(itunes, enclosure, video, content)).Thumbnail);
        Assert.Equal("https://c.cn/e.jpeg?x=1", One(With(itunes, audio, enclosure, video)).Thumbnail);
        Assert.Equal("https://c.cn/i.png", One(With(audio, itunes)).Thumbnail);
        Assert.Equal("https://www.cs.com.cn/body.jpg", One(With(audio, video)).Thumbnail);
        Assert.Null(One(new() { Id = "1", Title = "t", Content = "<p>no image</p>" }).Thumbnail);
    }

    [Fact]
    public void TrackingPixelsAreNeitherKeptNorTheThumbnail()
    {
        var article = One(new()
        {
            Id = "1",
            Title = "t",
            Content = "<img src=\"https://feeds.feedburner.com/~r/cs/~4/abc\"><img src=\"https://stats.cs.cn/c.gif\"><img src=\"https://a.cn/1.gif\" width=\"1\" height=\"1\"><p>text</p><img src=\"https://a.cn/real.jpg\">",
        });
        Assert.Equal("<p>text</p><img src=\"https://a.cn/real.jpg\">", article.Body);
        Assert.Equal("https://a.cn/real.jpg", article.Thumbnail);
    }

    [Fact]
    public void BodyUrlsAreMadeAbsoluteAgainstXmlBaseThenTheEntryLink()
    {
        var html = "<a href=\"x.html\">x</a><img src=\"i.jpg\" srcset=\"s.jpg 2x\">";
        var withBase = One(new() { Id = "1", Title = "t", Link = "https://www.cs.com.cn/gs/1.html", BaseUri = "https://static.cs.cn/b/", Content = html });
        Assert.Equal("<a href=\"https://static.cs.cn/b/x.html\">x</a><img src=\"https://static.cs.cn/b/i.jpg\" srcset=\"https://static.cs.cn/b/s.jpg 2x\">", withBase.Body);
        var withLink = One(new() { Id = "1", Title = "t", Link = "https://www.cs.com.cn/gs/1.html", Content = html });
        Assert.Contains("href=\"https://www.cs.com.cn/gs/x.html\"", withLink.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentWinsOverTheSummaryAndTheSummaryIsPlainTextCut()
    {
        var words = string.Join(' ', Enumerable.Repeat("market", 80));
        var article = One(new() { Id = "1", Title = "t", Summary = "<p>short</p>", Content = $"<h1>Head</h1><p>{words}</p>" });
        Assert.StartsWith("<h1>Head</h1>", article.Body, StringComparison.Ordinal);
        Assert.StartsWith("Head market market", article.Summary, StringComparison.Ordinal);
        Assert.EndsWith("market…", article.Summary, StringComparison.Ordinal);
        Assert.True(article.Summary.Length <= 281);
    }

    [Fact]
    public void AuthorIsTheEntrysWithoutMailThenTheFeedsThenTheSourceTitle()
    {
        Assert.Equal("张三, Li Si", One(new() { Id = "1", Title = "t", Authors = ["zs@cs.com.cn (张三)", "Li Si <ls@cs.com.cn>"] }).Author);
        var feed = Feed(new ParsedEntry { Id = "1", Title = "t" }) with { Author = "editor@cs.com.cn (中证网编辑部)" };
        Assert.Equal("中证网编辑部", Assert.Single(Normalizer.Normalize(feed, Source(), SeenAt)).Author);
        Assert.Equal("中证网", One(new() { Id = "1", Title = "t" }).Author);
    }

    [Fact]
    public void LinkFallsBackToAPermalinkGuidThenTheFeedLink()
    {
        Assert.Equal("https://www.cs.com.cn/gs/2.html", One(new() { Id = "https://www.cs.com.cn/gs/2.html#x", Title = "t" }).Link);
        var noLink = One(new() { Id = "cs-2", Title = "t" });
        Assert.Equal("https://www.cs.com.cn/", noLink.Link);
        Assert.Equal("cs-2", noLink.EntryKey);
    }

    [Fact]
    public void AFeedReadFromAFileWithNoLinksAtAllLinksToTheFile()
    {
        var source = Source() with { Url = new Uri("/data/feeds/cs.xml") };
        var feed = new ParsedFeed { Format = FeedFormat.Rss20, Entries = [new ParsedEntry { Title = "t", Content = "<img src=\"a.jpg\">" }] };
        var article = Assert.Single(Normalizer.Normalize(feed, source, SeenAt));
        Assert.Equal("file:///data/feeds/cs.xml", article.Link);
        Assert.StartsWith("title:", article.EntryKey, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryKeyIsTheGuidElseTheCanonicalLinkElseATitleAndDateHash()
    {
        Assert.Equal("abc-1", One(new() { Id = "  abc-1 ", Title = "t", Link = "https://a.cn/1" }).EntryKey);
        Assert.Equal("https://a.cn/1", One(new() { Title = "t", Link = "https://A.cn/1?utm_source=x" }).EntryKey);
        var first = One(new() { Title = "t", Published = "2024-05-01 10:00:00" });
        var second = One(new() { Title = "t", Published = "2024-05-02 10:00:00" });
        Assert.StartsWith("title:", first.EntryKey, StringComparison.Ordinal);
        Assert.NotEqual(first.EntryKey, second.EntryKey);
    }

    [Fact]
    public void GuidAsWrittenCommentsAndIdentityKeysAreFilledIn()
    {
        var article = One(new() { Id = " g-1 ", Title = "【中证网】A股三大指数集体收涨", Content = "<p>沪指涨1%，深成指涨2%。</p>" });
        Assert.Equal(" g-1 ", article.Guid);
        Assert.True(article.Comments);
        Assert.Equal("cs", article.SourceId);
        Assert.Equal(Aggregator.Normalizing.Identity.StoryIdentity.TitleKey(article.Title, "中证网"), article.TitleKey);
        Assert.Equal(Aggregator.Normalizing.Identity.StoryIdentity.Fingerprint("沪指涨1%，深成指涨2%。"), article.BodyFingerprint);
    }

    [Fact]
    public void UnchangedEntriesAreSkippedBeforeSanitizing()
    {
        var entries = Enumerable.Range(0, 20)
            .Select(i => new ParsedEntry { Id = $"id-{i}", Title = $"title {i}", Content = $"<p>body {i}</p>", Published = "2024-05-01 10:00:00" })
            .ToArray();
        var feed = Feed(entries);
        var stamps = Normalizer.Identify(feed, Source());
        var all = Normalizer.Normalize(feed, Source(), SeenAt);
        Assert.Equal(stamps.Select(s => s.RawHash), all.Select(a => a.ContentHash));
        Assert.Equal(stamps.Select(s => s.EntryKey), all.Select(a => a.EntryKey));

        // The store holds entries 0 to 17; entry 17 has changed since, 18 and 19 are new.
        var stored = stamps.Take(18).ToDictionary(s => s.EntryKey, s => s.RawHash);
        entries[17] = entries[17] with { Content = "<p>body 17, corrected</p>" };
        var asked = new List<string>();
        var changed = Normalizer.Normalize(Feed(entries), Source(), SeenAt, s =>
        {
            asked.Add(s.EntryKey);
            return stored.TryGetValue(s.EntryKey, out var hash) && hash == s.RawHash;
        });

        Assert.Equal(20, asked.Count);
        Assert.Equal(["id-17", "id-18", "id-19"], changed.Select(a => a.EntryKey));
        Assert.Equal("<p>body 17, corrected</p>", changed[0].Body);
    }

    [Fact]
    public void RawHashChangesWithTheEntryAndWithTheSourceSettingsButNotOtherwise()
    {
        var entry = new ParsedEntry { Id = "1", Title = "t", Content = "<p>x</p>" };
        var hash = ArticleNormalizer.Identify(entry, 0, Feed(entry), Source()).RawHash;
        Assert.Equal(hash, ArticleNormalizer.Identify(entry with { }, 0, Feed(entry), Source()).RawHash);
        Assert.NotEqual(hash, ArticleNormalizer.Identify(entry with { Content = "<p>y</p>" }, 0, Feed(entry), Source()).RawHash);
        Assert.NotEqual(hash, ArticleNormalizer.Identify(entry, 0, Feed(entry), Source() with { Categories = ["金融"] }).RawHash);
    }

    [Fact]
    public void ManyEntriesComeOutInDocumentOrder()
    {
        var entries = Enumerable.Range(0, 200).Select(i => new ParsedEntry { Id = $"id-{i}", Title = $"t{i}", Content = $"<p>{i}</p>" }).ToArray();
        var articles = Normalizer.Normalize(Feed(entries), Source(), SeenAt);
        Assert.Equal(entries.Select(e => e.Id), articles.Select(a => a.EntryKey));
    }

    [Fact]
    public void AddNormalizingRegistersOneSharedNormalizer()
    {
        using var provider = new ServiceCollection().AddNormalizing().BuildServiceProvider();
        var normalizer = provider.GetRequiredService<IArticleNormalizer>();
        Assert.Same(normalizer, provider.GetRequiredService<IArticleNormalizer>());
        Assert.Single(normalizer.Normalize(Feed(new ParsedEntry { Id = "1", Title = "t" }), Source(), SeenAt));
    }
}
