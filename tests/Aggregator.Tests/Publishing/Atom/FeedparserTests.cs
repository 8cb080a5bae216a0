using System.Text.Json;
using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Tests.Support;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Atom;

/// <summary>Python feedparser, the reference client of the corpora, reads the published files intact.</summary>
public sealed class FeedparserTests : IDisposable
{
    private readonly PublishingTempFolder _folder = new();

    [Fact]
    public async Task FeedparserReadsEveryEntryWithTitleLinkDatesAuthorTagsAndThumbnail()
    {
        PublishedArticle[] stories =
        [
            Article("a", Noon, thumbnail: "https://img.example.com/a.png", title: "「重磅」A股 & <盘后>"),
            Article("b", Noon.AddHours(-1), sourceId: "mw", categories: ["Markets"], author: "Jane Doe"),
        ];
        var site = await PublishingTestSite.BuildAsync(Settings(), stories);
        var file = _folder.File("all.atom");
        await File.WriteAllBytesAsync(file, site.Find("feeds/all.atom")!.Content);

        using var parsed = PublishingFeedparser.Parse(file);
        var root = parsed.RootElement;
        var entries = root.GetProperty("entries").EnumerateArray().ToList();

        Assert.False(root.GetProperty("bozo").GetBoolean());
        Assert.Equal("atom10", root.GetProperty("version").GetString());
        Assert.Equal(2, entries.Count);
        Assert.Equal(NameBasedUuid.EntryUrn("a"), entries[0].GetProperty("id").GetString());
        Assert.Equal("「重磅」A股 & <盘后>", entries[0].GetProperty("title").GetString());
        Assert.Equal("https://stcn.example.com/news/a.html", entries[0].GetProperty("link").GetString());
        Assert.Equal("2026-03-02T12:00:00Z", entries[0].GetProperty("published").GetString());
        Assert.StartsWith("2026-03-02T12:00:00.", entries[0].GetProperty("updated").GetString(), StringComparison.Ordinal);
        Assert.Equal("证券时报网", entries[0].GetProperty("author").GetString());
        Assert.Equal(["金融", "要闻"], entries[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("https://img.example.com/a.png", entries[0].GetProperty("thumbnail").GetString());
        Assert.Equal("MarketWatch", entries[1].GetProperty("source").GetString());
        Assert.Equal("Jane Doe", entries[1].GetProperty("author").GetString());
    }

    public void Dispose() => _folder.Dispose();
}
