using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Aggregator.Model;
using Aggregator.Publishing;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Html;

public sealed class IndexPageWriterTests
{
    private static readonly SourceHealth[] Health =
    [
        new() { SourceId = "stcn", LastSuccess = Noon, LastAttempt = Noon, LastHttpStatus = 200, ArticleCount = 42 },
        new() { SourceId = "mw", LastAttempt = Noon.AddMinutes(3), LastHttpStatus = 500, ConsecutiveFailures = 3, LastError = "fetch: HTTP 500 <b>& friends</b>", Paused = true },
    ];

    [Fact]
    public async Task EveryFeedHasARelativeSubscribeLinkAndAnAutodiscoveryLink()
    {
        var page = await Page();

        var subscribe = page.QuerySelectorAll("table.feeds a").Select(a => a.GetAttribute("href")).ToList();
        var discovery = page.Head!.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").ToList();

        Assert.Equal(["feeds/all.atom", "feeds/finance.atom", "feeds/headlines.atom", "feeds/markets.atom"], subscribe);
        Assert.Equal(subscribe, discovery.Select(l => l.GetAttribute("href")));
        Assert.Equal(["财经聚合", "财经聚合 · 金融", "财经聚合 · 要闻", "财经聚合 · Markets"], discovery.Select(l => l.GetAttribute("title")));
        Assert.Equal("财经聚合", page.Title);
    }

    [Fact]
    public async Task HealthTableListsEverySourceWithItsState()
    {
        var page = await Page();

        var rows = page.QuerySelectorAll("table.health tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(["证券时报网", "https://stcn.example.com/rss.xml", "2026-03-02 12:00 UTC", "2026-03-02 12:00 UTC", "200", "0", "", "no", "42"], rows[0]);
        Assert.Equal(["MarketWatch", "https://mw.example.com/rss.xml", "2026-03-02 12:03 UTC", "never", "500", "3", "fetch: HTTP 500 <b>& friends</b>", "yes", "0"], rows[1]);
    }

    [Fact]
    public async Task TextIsHtmlEncodedAndThePageHasNoScript()
    {
        var settings = Settings(title: "<script>alert(1)</script> & News");
        var site = await PublishingTestSite.BuildAsync(settings, [], health: Health);
        var html = Encoding.UTF8.GetString(site.Find("index.html")!.Content);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; News", html, StringComparison.Ordinal);
        Assert.Contains("fetch: HTTP 500 &lt;b&gt;&amp; friends&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameDataGivesTheSamePageWithLastModifiedFromTheData()
    {
        var first = await PublishingTestSite.BuildAsync(Settings(), [Article("a", Noon.AddHours(-4))], health: Health);
        var second = await PublishingTestSite.BuildAsync(Settings(), [Article("a", Noon.AddHours(-4))], health: Health);

        Assert.Equal(first.Find("index.html")!.Content, second.Find("index.html")!.Content);
        Assert.Equal(Noon.AddMinutes(3), first.Find("index.html")!.LastModified);
        Assert.Equal("text/html; charset=utf-8", first.Find("index.html")!.ContentType);
    }

    private static async Task<IHtmlDocument> Page()
    {
        var site = await PublishingTestSite.BuildAsync(Settings(), [Article("a", Noon)], health: Health);
        return new HtmlParser().ParseDocument(Encoding.UTF8.GetString(site.Find(SitePaths.Index)!.Content));
    }
}
