using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aggregator.Tests.Normalizing.Identity;

/// <summary>One line of TestData/Dedupe/pairs.jsonl: two articles and whether they are the same story.</summary>
public sealed record LabelledPair(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("a")] LabelledArticle A,
    [property: JsonPropertyName("b")] LabelledArticle B)
{
    public bool IsDuplicate => Label == "duplicate";

    public static IReadOnlyList<LabelledPair> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Dedupe", "pairs.jsonl");
        return [.. File.ReadLines(path)
            .Where(static line => line.Length > 0)
            .Select(static line => JsonSerializer.Deserialize<LabelledPair>(line) ?? throw new InvalidDataException($"dedupe test set: empty line in {line}"))];
    }
}

/// <summary>One side of a labelled pair, as a source published it.</summary>
public sealed record LabelledArticle(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("published")] DateTimeOffset Published);
