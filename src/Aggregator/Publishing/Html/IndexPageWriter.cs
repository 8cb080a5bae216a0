using System.Globalization;
using System.Text;
using Aggregator.Model;

namespace Aggregator.Publishing.Html;

/// <summary>
/// The site's <c>index.html</c>: subscribe links for every feed, autodiscovery links, and a health
/// table per configured source. Links are relative so the page works from disk and over HTTP; no
/// JavaScript; the output depends only on the data (no "generated now").
/// </summary>
internal static class IndexPageWriter
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Style = """
        body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
        h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f4f4f4}td.num{text-align:right}.failing{color:#a00}.paused{color:#888}
        code{font-size:.9em}
        """;

    public static byte[] Write(AggregatorSettings settings, IReadOnlyList<FeedSummary> feeds, IReadOnlyList<SourceHealth> health)
    {
        var title = HtmlText.Encode(XmlText.SingleLine(settings.Site.Title));
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append("</title>\n");
        foreach (var feed in feeds)
        {
            html.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
                .Append(HtmlText.Encode(feed.Title)).Append("\" href=\"").Append(HtmlText.Encode(feed.Path)).Append("\">\n");
        }
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<h1>").Append(title).Append("</h1>\n");
        AppendFeeds(html, feeds);
        AppendSources(html, settings.Sources, health);
        html.Append("<footer><p>Sources as OPML: <a href=\"").Append(SitePaths.Opml).Append("\">")
            .Append(SitePaths.Opml).Append("</a></p></footer>\n</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    /// <summary>The newest instant the page shows (feed updates, last attempts and successes), or null when it shows none.</summary>
    public static DateTimeOffset? LastModified(IReadOnlyList<FeedSummary> feeds, IReadOnlyList<SourceHealth> health)
    {
        DateTimeOffset? newest = null;
        foreach (var instant in feeds.Select(f => (DateTimeOffset?)f.Updated)
                     .Concat(health.Select(h => h.LastSuccess)).Concat(health.Select(h => h.LastAttempt)))
        {
            if (instant is not null && (newest is null || instant > newest))
                newest = instant;
        }
        return newest;
    }

    private static void AppendFeeds(StringBuilder html, IReadOnlyList<FeedSummary> feeds)
    {
        html.Append("<section>\n<h2>Feeds</h2>\n<table class=\"feeds\">\n<thead><tr><th>Category</th><th>Entries</th><th>Updated</th><th>Subscribe</th></tr></thead>\n<tbody>\n");
        foreach (var feed in feeds)
        {
            var path = HtmlText.Encode(feed.Path);
            html.Append("<tr><td>").Append(HtmlText.Encode(feed.Name)).Append("</td><td class=\"num\">")
                .Append(feed.EntryCount.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(feed.EntryCount > 0 ? Time(feed.Updated) : "—").Append("</td><td><a href=\"")
                .Append(path).Append("\" type=\"application/atom+xml\">").Append(path).Append("</a></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendSources(StringBuilder html, IReadOnlyList<SourceDefinition> sources, IReadOnlyList<SourceHealth> health)
    {
        var bySource = new Dictionary<string, SourceHealth>(StringComparer.Ordinal);
        foreach (var h in health)
            bySource.TryAdd(h.SourceId, h);
        html.Append("<section>\n<h2>Sources</h2>\n<table class=\"health\">\n<thead><tr><th>Source</th><th>URL</th><th>Last attempt</th><th>Last success</th>")
            .Append("<th>Last status</th><th>Consecutive failures</th><th>Last error</th><th>Paused</th><th>Articles</th></tr></thead>\n<tbody>\n");
        foreach (var source in sources)
        {
            var h = bySource.GetValueOrDefault(source.Id) ?? SourceHealth.Unknown(source.Id);
            var state = h.Paused || !source.Enabled ? "paused" : h.ConsecutiveFailures > 0 ? "failing" : "ok";
            var url = HtmlText.Encode(source.Url.AbsoluteUri);
            html.Append("<tr class=\"").Append(state).Append("\"><td>").Append(HtmlText.Encode(XmlText.SingleLine(source.Title)))
                .Append("</td><td><a href=\"").Append(url).Append("\"><code>").Append(url).Append("</code></a></td><td>")
                .Append(h.LastAttempt is { } attempt ? Time(attempt) : "never").Append("</td><td>")
                .Append(h.LastSuccess is { } success ? Time(success) : "never").Append("</td><td>")
                .Append(h.LastHttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "—").Append("</td><td class=\"num\">")
                .Append(h.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(HtmlText.Encode(h.LastError ?? string.Empty)).Append("</td><td>")
                .Append(h.Paused ? "yes" : source.Enabled ? "no" : "disabled").Append("</td><td class=\"num\">")
                .Append(h.ArticleCount.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Time(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return "<time datetime=\"" + Atom.AtomNames.Rfc3339(instant) + "\">"
            + utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC</time>";
    }
}
