using Aggregator.Model;
using Aggregator.Publishing;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Support;

/// <summary>Hand-built settings and articles for the publish stage's tests.</summary>
internal static class PublishingSamples
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static SourceDefinition Source(string id, string title, params string[] categories) => new()
    {
        Id = id,
        Title = title,
        Url = new Uri($"https://{id}.example.com/rss.xml"),
        Categories = categories,
        Schedule = "0 */10 * * * ?",
    };

    public static AggregatorSettings Settings(int entriesPerFeed = 100, string title = "财经聚合") => new()
    {
        Site = new SiteDefinition { Title = title, BaseUrl = new Uri("https://news.example.org/"), EntriesPerFeed = entriesPerFeed },
        Sources =
        [
            Source("stcn", "证券时报网", "金融", "要闻"),
            Source("mw", "MarketWatch", "Markets"),
        ],
        Categories = [new("金融", "finance"), new("要闻", "headlines"), new("Markets", "markets")],
    };

    public static PublishedArticle Article(
        string id, DateTimeOffset published, string sourceId = "stcn", string[]? categories = null,
        string? thumbnail = null, string? title = null, string author = "证券时报网")
    {
        var article = new Article
        {
            SourceId = sourceId,
            EntryKey = "key-" + id,
            Link = $"https://{sourceId}.example.com/news/{id}.html",
            Title = title ?? $"Story {id}",
            Categories = categories ?? ["金融", "要闻"],
            Thumbnail = thumbnail,
            Author = author,
            Published = published,
            Body = $"<p>Body of {id} &amp; more</p>",
            Summary = $"Summary of {id}",
            ContentHash = "hash-" + id,
            TitleKey = "story" + id,
            BodyFingerprint = 1,
        };
        return new PublishedArticle
        {
            ArticleId = id,
            Article = article,
            SourceTitle = sourceId == "stcn" ? "证券时报网" : "MarketWatch",
            SourceUrl = new Uri($"https://{sourceId}.example.com/rss.xml"),
            FirstSeen = published.AddMinutes(5),
            LastChanged = published.AddMinutes(5),
        };
    }

    public static IOptions<PublishingOptions> Options(string outputDirectory = "public", int maxPages = 10) =>
        Microsoft.Extensions.Options.Options.Create(new PublishingOptions { OutputDirectory = outputDirectory, MaxPagesPerFeed = maxPages });
}
