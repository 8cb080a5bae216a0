using System.Text.Json;
using Aggregator.Configuration;
using Aggregator.Configuration.Validation;
using Json.Schema;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class SchemaTests
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly Lazy<JsonDocument> SchemaDocument = new(() => JsonDocument.Parse(File.ReadAllText(SchemaJson)));
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaJson)));

    private static JsonElement Node(string path)
    {
        var node = SchemaDocument.Value.RootElement;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node.GetProperty(part);
        return node;
    }

    private static string[] Names(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];

    private static string[] Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    private static void AssertMatchesSchema(string path)
    {
        using var instance = JsonDocument.Parse(File.ReadAllText(path), Lenient);
        var results = Schema.Value.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{path} does not match feeds.schema.json: " + string.Join("; ",
            (results.Details ?? []).Where(d => d.Errors is not null).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    [Fact]
    public void TheSchemaListsExactlyTheKeysTheLoaderKnows()
    {
        Assert.Equal(Sorted(ConfigKeys.Root), Names(Node("properties")));
        Assert.Equal(Sorted(ConfigKeys.SiteKeys), Names(Node("properties/site/properties")));
        Assert.Equal(Sorted(ConfigKeys.DefaultsKeys), Names(Node("properties/defaults/properties")));
        Assert.Equal(Sorted(ConfigKeys.FetchKeys), Names(Node("properties/fetch/properties")));
        Assert.Equal(Sorted(ConfigKeys.StoreKeys), Names(Node("properties/store/properties")));
        Assert.Equal([StoreReader.PostgresKind, StoreReader.SqliteKind], Strings(Node("properties/store/properties/kind/enum")));
        Assert.Equal(StoreReader.VariablePattern, Node("properties/store/properties/connectionStringEnv/pattern").GetString());
        Assert.Equal(Sorted(ConfigKeys.CategoryKeys), Names(Node("properties/categories/additionalProperties/properties")));
        Assert.Equal(Sorted(ConfigKeys.SourceKeys), Names(Node("properties/sources/items/properties")));
    }

    [Fact]
    public void TheSchemaRequiresWhatTheLoaderRequiresAndRejectsUnknownKeys()
    {
        Assert.Equal(Sorted([ConfigKeys.Site, ConfigKeys.Sources]), Strings(Node("required")));
        Assert.Equal(Sorted([ConfigKeys.Title, ConfigKeys.BaseUrl]), Strings(Node("properties/site/required")));
        Assert.Equal(Sorted([ConfigKeys.Id, ConfigKeys.Title, ConfigKeys.Url, ConfigKeys.Categories]), Strings(Node("properties/sources/items/required")));
        Assert.Equal([ConfigKeys.Slug], Strings(Node("properties/categories/additionalProperties/required")));
        foreach (var obj in new[] { "", "properties/site", "properties/defaults", "properties/fetch", "properties/store", "properties/categories/additionalProperties", "properties/sources/items" })
            Assert.False(Node(obj + "/additionalProperties").GetBoolean(), $"{obj} must not allow other keys");
    }

    [Fact]
    public void TheSchemaRangesAreTheLoaderRanges()
    {
        Assert.Equal(SourceSettingsReader.MaxPriority, Node("$defs/priority/maximum").GetInt32());
        Assert.Equal(SourceSettingsReader.MinMaxBytes, Node("$defs/maxBytes/minimum").GetInt64());
        Assert.Equal(SourceSettingsReader.MaxMaxBytes, Node("$defs/maxBytes/maximum").GetInt64());
        Assert.Equal(SiteReader.MaxEntriesPerFeed, Node("properties/site/properties/entriesPerFeed/maximum").GetInt32());
        Assert.Equal(SettingsReader.MaxConcurrentFetches, Node("properties/fetch/properties/maxConcurrent/maximum").GetInt32());
        Assert.Equal(SettingsReader.MaxConcurrentFetchesPerHost, Node("properties/fetch/properties/maxConcurrentPerHost/maximum").GetInt32());
        Assert.Equal(SourcesReader.MaxIdLength, Node("properties/sources/items/properties/id/maxLength").GetInt32());
        Assert.Equal(CategorySlugs.MaxLength, Node("properties/categories/additionalProperties/properties/slug/maxLength").GetInt32());
    }

    [Fact]
    public void TheShippedFeedsJsonLoadsWithoutProblemsAndMatchesTheSchema()
    {
        var result = FeedsConfigLoader.Load(FeedsJson);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        AssertMatchesSchema(FeedsJson);
        var settings = result.Settings!;
        Assert.InRange(settings.Sources.Count, 10, 16);
        Assert.All(settings.Sources, s => Assert.Contains(s.Url.Scheme, new[] { "http", "https" }));
        // Chinese-language sources write zone-less local times; their zone must be configured.
        Assert.All(settings.Sources.Where(s => s.Title.Any(c => c > 0x2E80)), s => Assert.Equal("Asia/Shanghai", s.TimeZone?.Id));
        // Published URLs of the shipped categories are readable, not hash slugs.
        Assert.All(settings.Categories, c => Assert.False(c.Slug.StartsWith("c-", StringComparison.Ordinal), $"{c.Name} has no configured slug"));
        using var document = JsonDocument.Parse(File.ReadAllText(FeedsJson));
        Assert.Equal("./feeds.schema.json", document.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void EveryValidFixtureLoadsWithoutProblemsAndMatchesTheSchema()
    {
        var fixtures = Directory.GetFiles(TestData("valid"), "*.json");

        Assert.NotEmpty(fixtures);
        foreach (var fixture in fixtures)
        {
            var result = FeedsConfigLoader.Load(fixture);
            Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
            AssertMatchesSchema(fixture);
        }
    }

    [Fact]
    public void EveryInvalidFixtureIsRejectedByTheLoaderAndTheSchema()
    {
        var fixtures = Directory.GetFiles(TestData("invalid"), "*.json");

        Assert.NotEmpty(fixtures);
        foreach (var fixture in fixtures)
        {
            Assert.False(FeedsConfigLoader.Load(fixture).IsValid, fixture);
            using var instance = JsonDocument.Parse(File.ReadAllText(fixture), Lenient);
            Assert.False(Schema.Value.Evaluate(instance.RootElement).IsValid, fixture);
        }
    }
}
