using Aggregator.Model;

namespace Aggregator.Cli;

/// <summary>The JSON line `parse --json` prints: every article-model field, dates in RFC 3339 UTC.</summary>
internal sealed record ArticleJson(
    string Id,
    string Source,
    string? Guid,
    string Link,
    string Title,
    IReadOnlyList<string> Categories,
    string? Headimg,
    string? Thumbnail,
    string Author,
    bool Comments,
    string Date,
    string? Updated,
    string Summary,
    string Body)
{
    public static ArticleJson From(Article article) => new(
        article.EntryKey,
        article.SourceId,
        article.Guid,
        article.Link,
        article.Title,
        article.Categories,
        article.Thumbnail,
        article.Thumbnail,
        article.Author,
        article.Comments,
        article.Published.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        article.Updated?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        article.Summary,
        article.Body);
}
