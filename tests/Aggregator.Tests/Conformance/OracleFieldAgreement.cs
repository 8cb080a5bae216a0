using System.Globalization;
using System.Text.Json;
using Aggregator.Model;
using Aggregator.Normalizing.Links;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Conformance;

/// <summary>
/// Our normalized articles against what feedparser 6.0.10 extracted from the same file
/// (oracle/feedparser.jsonl), field by field, counting a check only where feedparser found a value
/// (our title, link and author always have one, by their fallbacks).
/// </summary>
internal sealed class OracleFieldAgreement
{
    public static readonly string[] Fields = ["title", "link", "author", "published", "updated", "tags", "thumbnail"];

    public Dictionary<string, (int Checks, int Agreed)> PerField { get; } = Fields.ToDictionary(f => f, _ => (0, 0));

    public List<string> Misses { get; } = [];

    public void Compare(string file, JsonElement oracle, ConformanceResult ours)
    {
        var entries = oracle.GetProperty("entries");
        for (var i = 0; i < entries.GetArrayLength(); i++)
        {
            var expected = entries[i];
            var article = i < ours.Articles.Count ? ours.Articles[i] : null;
            if (Text(expected, "title") is { } title)
            {
                // Any type but text/plain holds markup for feedparser (html, xhtml, and decoded base64).
                var plain = Text(expected, "title_type") is { } type && type != "text/plain" ? HtmlForm.Text(title) : HtmlForm.Collapse(title);
                Check(file, i, "title", plain, article?.Title);
            }

            if (Text(expected, "link") is { } link)
                Check(file, i, "link", Canonical(link, file), article is null ? null : Canonical(article.Link, file));

            var names = expected.GetProperty("authors").EnumerateArray().Select(a => Text(a, "name")).OfType<string>().ToList();
            if (names.Count > 0 || Text(expected, "author") is not null)
                Check(file, i, "author", names.Count > 0 ? string.Join(", ", names.Distinct()) : Text(expected, "author"), article?.Author);

            if (Text(expected, "published_utc") is { } published)
                Check(file, i, "published", published, article is null ? null : Utc(article.Published));

            // feedparser's updated falls back to the published date; ours stays null and Published holds it.
            if (Text(expected, "updated_utc") is { } updated)
                Check(file, i, "updated", updated, article is null ? null : Utc(article.Updated ?? article.Published));

            var tags = expected.GetProperty("tags").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : null)
                .Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (tags.Count > 0 || article?.Categories.Count > 0)
                Check(file, i, "tags", string.Join("|", tags), article is null ? null : string.Join("|", article.Categories));

            if (Text(expected, "thumbnail") is { } thumbnail)
                Check(file, i, "thumbnail", Canonical(thumbnail, file), article?.Thumbnail);
        }
    }

    private void Check(string file, int index, string field, string? expected, string? actual)
    {
        var (checks, agreed) = PerField[field];
        var same = string.Equals(expected, actual, StringComparison.Ordinal);
        PerField[field] = (checks + 1, agreed + (same ? 1 : 0));
        if (!same)
            Misses.Add($"{file} entries[{index}].{field}: feedparser \"{expected}\", ours \"{actual}\"");
    }

    private static string? Canonical(string link, string file) => CanonicalLink.Normalize(link, ParsingCorpus.Location(file)) ?? link;

    private static string Utc(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text ? text : null;
}
