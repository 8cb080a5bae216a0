using System.Text.Json;
using Aggregator.Model;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing;

/// <summary>
/// Compares one parsed file with what Python feedparser extracted from it (oracle/feedparser.jsonl),
/// field by field, for the fields that are purely parse-level.
/// </summary>
internal sealed class OracleComparison
{
    public int Checks { get; private set; }
    public List<string> Misses { get; } = [];

    public void Compare(string file, JsonElement oracle, ParsedFeed? ours, string? refusal)
    {
        var entries = oracle.GetProperty("entries");
        if (ours is null)
        {
            Check(file, "parsed", entries.GetArrayLength() == 0 && Text(oracle.GetProperty("feed"), "title") is null, "a feed", refusal ?? "refused");
            return;
        }

        Check(file, "entry count", entries.GetArrayLength() == ours.Entries.Count, entries.GetArrayLength().ToString(), ours.Entries.Count.ToString());
        var location = ParsingCorpus.Location(file);
        for (var i = 0; i < Math.Min(entries.GetArrayLength(), ours.Entries.Count); i++)
        {
            var expected = entries[i];
            var actual = ours.Entries[i];
            if (Text(expected, "title_type") == "text/plain" && Text(expected, "title") is { } title)
            {
                // A text title holding "<" is passed on escaped, as HTML (AtomAdapter.LiteralTitle): compare its text.
                var ourTitle = actual.TitleIsHtml ? System.Net.WebUtility.HtmlDecode(actual.Title) : actual.Title;
                Check(file, $"entries[{i}].title", title == ourTitle?.Trim(), title, ourTitle);
            }

            if (Text(expected, "link") is { } link)
            {
                var resolved = Uri.TryCreate(location, link, out var absolute) ? absolute.ToString() : link;
                Check(file, $"entries[{i}].link", link == actual.Link || resolved == actual.Link, link, actual.Link);
            }

            if (Text(expected, "id") is { } id)
            {
                Check(file, $"entries[{i}].id", id == actual.Id?.Trim(), id, actual.Id);
            }

            var tags = expected.GetProperty("tags").EnumerateArray().Select(t => t.GetString() ?? string.Empty).Where(t => t.Length > 0).ToHashSet();
            if (tags.Count > 0 || actual.Categories.Count > 0)
            {
                Check(file, $"entries[{i}].categories", tags.SetEquals(actual.Categories), string.Join("|", tags), string.Join("|", actual.Categories));
            }

            var enclosures = expected.GetProperty("enclosures").EnumerateArray().Select(e => Text(e, "href")).OfType<string>().ToHashSet();
            var ourEnclosures = actual.Media.Where(m => m.Kind == MediaKind.Enclosure).Select(m => m.Url).ToHashSet();
            if (enclosures.Count > 0 || ourEnclosures.Count > 0)
            {
                Check(file, $"entries[{i}].enclosures", enclosures.SetEquals(ourEnclosures), string.Join("|", enclosures), string.Join("|", ourEnclosures));
            }

            var hasContent = expected.GetProperty("content").GetArrayLength() > 0;
            Check(file, $"entries[{i}].content present", hasContent == (actual.Content is not null), hasContent.ToString(), (actual.Content is not null).ToString());
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;

    private void Check(string file, string field, bool agrees, string? expected, string? actual)
    {
        Checks++;
        if (!agrees)
        {
            Misses.Add($"{file} {field}: feedparser \"{expected}\", ours \"{actual}\"");
        }
    }
}
