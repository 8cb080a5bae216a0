using System.Globalization;
using System.Text.Json;
using Aggregator.Model;
using Aggregator.Normalizing.Links;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Conformance;

/// <summary>
/// Judges the simple form of a feedparser expectation (<c>entries[i].FIELD == LITERAL</c>) against the
/// article we normalized from the same file, mapping feedparser's names onto our article model.
/// Feed-level paths and fields our model does not have are not applicable.
/// </summary>
internal static class ExpectationEvaluator
{
    public static IEnumerable<CheckOutcome> Evaluate(string file, JsonElement check, ConformanceResult result)
    {
        var path = check.GetProperty("path").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Number ? p.GetInt32().ToString(CultureInfo.InvariantCulture) : p.GetString()!).ToArray();
        var shown = string.Join(".", path);
        var expected = check.GetProperty("equals");
        if (path[0] != "entries" || path.Length < 3)
        {
            yield return CheckOutcome.Na(file, shown, "feed-level field");
            yield break;
        }

        var field = Field(path);
        if (field is null)
        {
            yield return CheckOutcome.Na(file, shown, "field not in our article model");
            yield break;
        }

        var index = int.Parse(path[1], CultureInfo.InvariantCulture);
        if (result.Refusal is not null || result.Problem is not null || index >= result.Articles.Count)
        {
            var why = result.Refusal is not null ? "refused" : result.Problem is not null ? "crash" : "entry missing";
            yield return new CheckOutcome(file, shown, CheckVerdict.Miss, why, Literal(expected), result.Refusal ?? result.Problem ?? $"{result.Articles.Count} entries");
            yield break;
        }

        var article = result.Articles[index];
        var entry = result.Feed!.Entries[index];
        yield return field switch
        {
            "title" => Compare(file, shown, "title", Literal(expected)?.Trim(), article.Title, string.Equals),
            "link" => Compare(file, shown, "link", Canonical(Literal(expected), file), article.Link, string.Equals),
            "id" => Compare(file, shown, "id", Literal(expected)?.Trim(), article.Guid?.Trim(), string.Equals),
            "author" => Compare(file, shown, "author", Literal(expected)?.Trim(), article.Author, string.Equals),
            "published" => Compare(file, shown, "published", Date(expected), Utc(article.Published), string.Equals),
            "updated" => Compare(file, shown, "updated", Date(expected), article.Updated is { } u ? Utc(u) : null, string.Equals),
            "category" => Compare(file, shown, "categories", Literal(expected)?.Trim(), Nth(article.Categories, path.Length > 3 ? int.Parse(path[3], CultureInfo.InvariantCulture) : 0), string.Equals),
            "content" => Compare(file, shown, "body", HtmlForm.Markup(Literal(expected)), HtmlForm.Markup(article.Body), string.Equals),
            // feedparser copies content into summary when there is no summary: then both are our body.
            "summary" when !string.IsNullOrWhiteSpace(entry.Content) && !string.IsNullOrWhiteSpace(entry.Summary) => CheckOutcome.Na(file, shown, "summary beside content (our body is the content)"),
            "summary" => Compare(file, shown, "body", HtmlForm.Markup(Literal(expected)), HtmlForm.Markup(article.Body), string.Equals),
            _ => Enclosure(file, shown, Literal(expected), entry, article),
        };
    }

    /// <summary>Our field for a feedparser path, or null when our model has no such field.</summary>
    private static string? Field(string[] path) => path[2..] switch
    {
        ["title"] or ["title_detail", "value"] => "title",
        ["link"] => "link",
        ["id"] or ["guid"] => "id",
        ["author"] or ["author_detail", "name"] or ["authors", "0", "name"] => "author",
        ["published_parsed"] => "published",
        ["updated_parsed"] => "updated",
        ["category"] or ["tags", _, "term"] => "category",
        ["content", "0", "value"] => "content",
        ["summary"] or ["description"] or ["summary_detail", "value"] => "summary",
        ["enclosures", _, "href"] or ["enclosures", _, "url"] => "enclosure",
        _ => null,
    };

    /// <summary>An enclosure counts for us only as the thumbnail, and only when it is an image.</summary>
    private static CheckOutcome Enclosure(string file, string path, string? expected, ParsedEntry entry, Article article)
    {
        var media = entry.Media.FirstOrDefault(m => m.Url == expected);
        if (media is null || media.MimeType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true)
        {
            return CheckOutcome.Na(file, path, "enclosure that is not an image (we keep only a thumbnail)");
        }

        return Compare(file, path, "thumbnail", Canonical(expected, file), Canonical(article.Thumbnail, file), string.Equals);
    }

    private static CheckOutcome Compare(string file, string path, string field, string? expected, string? actual, Func<string?, string?, bool> equals) =>
        equals(expected, actual)
            ? new CheckOutcome(file, path, CheckVerdict.Pass, field, expected, actual)
            : new CheckOutcome(file, path, CheckVerdict.Miss, field, expected, actual);

    private static string? Canonical(string? link, string file) => CanonicalLink.Normalize(link, ParsingCorpus.Location(file)) ?? link;

    private static string? Nth(IReadOnlyList<string> list, int index) => index < list.Count ? list[index] : null;

    private static string Utc(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A Python time tuple (UTC) as our date string; its weekday and day of year are implied.</summary>
    private static string? Date(JsonElement tuple)
    {
        if (tuple.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var n = tuple.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return new DateTime(n[0], n[1], n[2], n[3], n[4], n[5], DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static string? Literal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
