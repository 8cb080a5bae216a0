using Aggregator.Configuration;
using Aggregator.Configuration.Validation;
using Aggregator.Model;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class CategorySlugTests
{
    private static string WithCategories(string categoriesMap, string categories1, string categories2) => $$"""
        {
          "site": { "title": "t", "baseUrl": "https://example.org/" },
          "categories": {{categoriesMap}},
          "sources": [
            { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": {{categories1}} },
            { "id": "b", "title": "B", "url": "https://example.org/b.xml", "categories": {{categories2}}, "enabled": false }
          ]
        }
        """;

    [Theory]
    [InlineData("Markets", "markets")]
    [InlineData("US Markets & Economy", "us-markets-economy")]
    [InlineData("  Top--Stories  ", "top-stories")]
    [InlineData("S&P 500", "s-p-500")]
    public void AsciiNamesAreLowerCasedAndHyphenated(string name, string slug)
    {
        Assert.Equal(slug, CategorySlugs.Default(name));
    }

    [Theory]
    [InlineData("金融", "c-a42315e4")]
    [InlineData("要闻", "c-def18231")]
    public void NonAsciiNamesGetTheFirstHexDigitsOfTheirSha256(string name, string slug)
    {
        // Expected values computed independently: sha256(name.encode("utf-8")).hexdigest()[:8] in Python.
        Assert.Equal(slug, CategorySlugs.Default(name));
    }

    [Fact]
    public void ANameWithNothingUsableInAsciiGetsAHashSlug()
    {
        Assert.Matches("^c-[0-9a-f]{8}$", CategorySlugs.Default("+++"));
    }

    [Fact]
    public void CategoriesOfDisabledSourcesCountAndKeepFirstUseOrder()
    {
        var settings = Valid(WithCategories("""{ "金融": { "slug": "finance" } }""", """["金融", "Markets"]""", """["Rates", "金融"]"""));

        Assert.Equal(
            [new CategoryDefinition("金融", "finance"), new CategoryDefinition("Markets", "markets"), new CategoryDefinition("Rates", "rates")],
            settings.Categories);
    }

    [Fact]
    public void TwoCategoriesWithOneSlugAreRejected()
    {
        var json = WithCategories("""{ "要闻": { "slug": "markets" } }""", """["Markets"]""", """["要闻", "US Markets", "us markets"]""");

        Assert.Equal(
            [
                $"{At(json, "\"markets\"")}: category '要闻' gets the slug 'markets', which category 'Markets' already has; give one of them another slug in categories",
                $"{At(json, "\"us markets\"")}: category 'us markets' gets the slug 'us-markets', which category 'US Markets' already has; give one of them another slug in categories",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Fact]
    public void TheSlugAllIsReservedForTheFeedOfEverything()
    {
        var json = WithCategories("""{ "全部": { "slug": "all" } }""", """["全部"]""", """["All"]""");

        Assert.Equal(
            [
                $"{At(json, "\"all\"")}: categories[\"全部\"].slug 'all' is reserved for the feed of everything",
                $"{At(json, "\"All\"")}: category 'All' would get the slug 'all', which is reserved for the feed of everything; give it another slug in categories",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Theory]
    [InlineData("Finance")]
    [InlineData("fin ance")]
    [InlineData("finance-")]
    [InlineData("金融")]
    public void SlugsMustBeLowerCaseAsciiWithSingleHyphens(string slug)
    {
        var json = WithCategories($$"""{ "金融": { "slug": "{{slug}}" } }""", """["金融"]""", """["金融"]""");

        Assert.Equal(
            [$"{At(json, $"\"{slug}\" ")}: categories[\"金融\"].slug '{slug}' must be lower-case ASCII letters and digits joined by single hyphens, at most 64 characters"],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Fact]
    public void ACategoryEntryNoSourceUsesIsReportedWithTheNameMeant()
    {
        var json = WithCategories("""{ "证券时报": { "slug": "stcn" }, "要闻": { "slug": "headlines", "title": "Headlines" } }""", """["证券时报网"]""", """["要闻"]""");

        Assert.Equal(
            [
                $"{At(json, "\"证券时报\"")}: category '证券时报' in categories is not used by any source; did you mean '证券时报网'?",
                $"{At(json, "\"title\"", 2)}: unknown key 'title' in categories[\"要闻\"]; known keys: slug",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }
}
