namespace Aggregator.Tests.Support;

/// <summary>feeds.json files and small RSS feeds for the scheduling host tests.</summary>
internal static class SchedulingFeeds
{
    /// <summary>One RSS item whose title, link and guid name the source, so each source adds its own article.</summary>
    public static string Rss(string sourceId) => Rss(sourceId, $"Story from {sourceId}", $"Body of {sourceId}.");

    /// <summary>
    /// One RSS item with its own title and body: titles this different are separate stories to the
    /// store's cross-source dedupe (the short "Story from X" titles of <see cref="Rss(string)"/> are
    /// merged into one story reported by several sources).
    /// </summary>
    public static string Rss(string sourceId, string title, string body) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Feed {sourceId}</title><link>https://{sourceId}.example.com/</link>
          <item><title>{title}</title><link>https://{sourceId}.example.com/story</link><guid>{sourceId}-1</guid>
            <pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><description>{body}</description></item>
        </channel></rss>
        """;

    /// <summary>A feeds.json with one source per (id, schedule), each at /ID.xml on <paramref name="server"/>.</summary>
    public static string Config(FixtureServer server, params (string Id, string Schedule)[] sources)
    {
        var entries = sources.Select(s =>
            $$"""    { "id": "{{s.Id}}", "title": "Source {{s.Id}}", "url": "{{server.Url($"/{s.Id}.xml")}}", "categories": ["News"], "schedule": "{{s.Schedule}}" }""");
        return $$"""
            {
              "site": { "title": "Test News", "baseUrl": "https://news.example.net/" },
              "fetch": { "maxConcurrentPerHost": 4 },
              "sources": [
            {{string.Join(",\n", entries)}}
              ]
            }
            """;
    }
}
