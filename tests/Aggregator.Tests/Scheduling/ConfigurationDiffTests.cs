using Aggregator.Configuration;
using Aggregator.Model;
using Aggregator.Scheduling;

namespace Aggregator.Tests.Scheduling;

public sealed class ConfigurationDiffTests
{
    private const string Base = """
        {
          "site": { "title": "News", "baseUrl": "https://news.example.net/" },
          "categories": { "Markets": { "slug": "markets" } },
          "sources": [
            { "id": "a", "title": "A", "url": "https://a.example.com/feed", "categories": ["Markets"], "schedule": "0 */5 * * * ?" },
            { "id": "b", "title": "B", "url": "https://b.example.com/feed", "categories": ["Markets", "Rates"], "schedule": "0 */5 * * * ?",
              "headers": { "Accept-Language": "en" } },
            { "id": "c", "title": "C", "url": "https://c.example.com/feed", "categories": ["Rates"] }
          ]
        }
        """;

    [Fact]
    public void TheSameFileLoadedTwiceIsNoChange()
    {
        var diff = ConfigurationDiff.Between(Load(Base), Load(Base));

        Assert.True(diff.IsEmpty);
        Assert.False(diff.NeedsPublish);
    }

    [Fact]
    public void FromNothingEveryEnabledSourceIsAddedAndNothingElseCounts()
    {
        var settings = Load(Base.Replace("\"id\": \"c\",", "\"id\": \"c\", \"enabled\": false,"));

        var diff = ConfigurationDiff.Between(null, settings);

        Assert.Equal(["a", "b"], diff.Added.Select(s => s.Id));
        Assert.Empty(diff.Removed);
        Assert.False(diff.SiteChanged);
    }

    [Fact]
    public void AddedRemovedAndRescheduledSourcesAreToldApart()
    {
        var after = Base
            .Replace("""{ "id": "c", "title": "C", "url": "https://c.example.com/feed", "categories": ["Rates"] }""",
                """{ "id": "d", "title": "D", "url": "https://d.example.com/feed", "categories": ["Rates"] }""")
            .Replace("""["Markets"], "schedule": "0 */5 * * * ?" """, """["Markets"], "schedule": "0 */15 * * * ?" """);

        var diff = ConfigurationDiff.Between(Load(Base), Load(after));

        Assert.Equal(["d"], diff.Added.Select(s => s.Id));
        Assert.Equal(["c"], diff.Removed);
        Assert.Equal(["a"], diff.Rescheduled.Select(s => s.Id));
        Assert.Equal("0 */15 * * * ?", diff.Rescheduled[0].Schedule);
        Assert.Empty(diff.Changed);
        Assert.False(diff.CategoriesChanged);
    }

    [Fact]
    public void DisablingASourceRemovesItAndEnablingItAddsItBack()
    {
        var disabled = Load(Base.Replace("\"id\": \"b\",", "\"id\": \"b\", \"enabled\": false,"));

        Assert.Equal(["b"], ConfigurationDiff.Between(Load(Base), disabled).Removed);
        Assert.Equal(["b"], ConfigurationDiff.Between(disabled, Load(Base)).Added.Select(s => s.Id));
    }

    [Fact]
    public void ATitleOrHeaderChangeIsAChangeButNotAReschedule()
    {
        var after = Base.Replace("\"title\": \"B\"", "\"title\": \"B Wire\"").Replace("\"en\"", "\"en-GB\"");

        var diff = ConfigurationDiff.Between(Load(Base), Load(after));

        Assert.Equal(["b"], diff.Changed.Select(s => s.Id));
        Assert.Equal("B Wire", diff.Changed[0].Title);
        Assert.Empty(diff.Rescheduled);
        Assert.Empty(diff.Added);
    }

    [Fact]
    public void ACategoryRenamedUnderTheSameSlugIsARenameAndNeedsAPublish()
    {
        var after = Base.Replace("Markets", "Equity Markets");

        var diff = ConfigurationDiff.Between(Load(Base), Load(after));

        var rename = Assert.Single(diff.CategoriesRenamed);
        Assert.Equal(new CategoryRename("markets", "Markets", "Equity Markets"), rename);
        Assert.Empty(diff.CategoriesAdded);
        Assert.True(diff.NeedsPublish);
        Assert.Equal(["a", "b"], diff.Changed.Select(s => s.Id));
    }

    [Fact]
    public void ANewCategoryIsAddedAndOneNoLongerUsedIsRemoved()
    {
        var after = Base.Replace("[\"Rates\"]", "[\"Commodities\"]").Replace("[\"Markets\", \"Rates\"]", "[\"Markets\"]");

        var diff = ConfigurationDiff.Between(Load(Base), Load(after));

        Assert.Equal(["Commodities"], diff.CategoriesAdded.Select(c => c.Name));
        Assert.Equal(["Rates"], diff.CategoriesRemoved.Select(c => c.Name));
    }

    [Fact]
    public void SiteAndFetchLimitChangesAreReported()
    {
        var after = Base
            .Replace("\"title\": \"News\"", "\"title\": \"Markets News\"")
            .Replace("\"categories\": { \"Markets\"", "\"fetch\": { \"maxConcurrent\": 3 }, \"categories\": { \"Markets\"");

        var diff = ConfigurationDiff.Between(Load(Base), Load(after));

        Assert.True(diff.SiteChanged);
        Assert.True(diff.FetchLimitsChanged);
        Assert.True(diff.NeedsPublish);
    }

    private static AggregatorSettings Load(string json)
    {
        var result = FeedsConfigLoader.Parse(json, "feeds.json");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Settings!;
    }
}
