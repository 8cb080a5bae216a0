using Aggregator.Configuration;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class KeyProblemTests
{
    [Fact]
    public void UnknownKeysSuggestTheNearestKnownKeyWherever()
    {
        const string json = """
            {
              "site": { "title": "t", "baseURL": "https://example.org/" },
              "defaults": { "timeZon": "Asia/Shanghai" },
              "fetch": { "maxConcurent": 4 },
              "sources": [ { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"], "shedule": "PT5M" } ],
              "categorys": {}
            }
            """;

        Assert.Equal(
            [
                $"{At(json, "\"baseURL\"")}: unknown key 'baseURL' in site; did you mean 'baseUrl'?",
                $"{At(json, "\"timeZon\"")}: unknown key 'timeZon' in defaults; did you mean 'timeZone'?",
                $"{At(json, "\"maxConcurent\"")}: unknown key 'maxConcurent' in fetch; did you mean 'maxConcurrent'?",
                $"{At(json, "\"shedule\"")}: unknown key 'shedule' in sources[0]; did you mean 'schedule'?",
                $"{At(json, "\"categorys\"")}: unknown key 'categorys' in the top level; did you mean 'categories'?",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Fact]
    public void AnUnknownKeyFarFromAnyKnownKeyListsTheKnownKeys()
    {
        const string json = """
            {
              "site": { "title": "t", "baseUrl": "https://example.org/", "language": "zh" },
              "sources": [ { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"] } ]
            }
            """;

        var problem = Assert.Single(FeedsConfigLoader.Parse(json, "feeds.json").Problems);

        Assert.Equal($"{At(json, "\"language\"")}: unknown key 'language' in site; known keys: title, baseUrl, author, entriesPerFeed", $"{problem.Line}:{problem.Column}: {problem.Message}");
    }

    [Fact]
    public void AKeyWrittenTwiceIsReportedAtTheSecond()
    {
        const string json = """
            {
              "site": { "title": "t", "baseUrl": "https://example.org/" },
              "sources": [ { "id": "a", "title": "A", "title": "B", "url": "https://example.org/a.xml", "categories": ["x"] } ]
            }
            """;

        Assert.Equal([$"{At(json, "\"title\"", 3)}: duplicate key 'title' in sources[0]"], Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Fact]
    public void MissingRequiredKeysPointAtTheObjectThatLacksThem()
    {
        const string json = """
            {
              "sources": [
                { "title": "A", "url": "https://example.org/a.xml" },
                { "id": "b", "url": "https://example.org/b.xml", "categories": ["x"] }
              ]
            }
            """;

        Assert.Equal(
            [
                "1:1: missing required key 'site' in the top level",
                "3:5: missing required key 'id' in sources[0]",
                "3:5: missing required key 'categories' in sources[0]",
                "4:5: missing required key 'title' in sources[1]",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Fact]
    public void WrongTypesNameWhatWasExpected()
    {
        const string json = """
            {
              "site": { "title": 5, "baseUrl": "https://example.org/", "entriesPerFeed": "100" },
              "defaults": [],
              "sources": [
                { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": "金融", "enabled": "yes", "headers": ["x"] },
                "b"
              ]
            }
            """;

        Assert.Equal(
            [
                $"{At(json, "5,")}: site.title must be a string, not a number",
                $"{At(json, "\"100\"")}: site.entriesPerFeed must be an integer, not a string",
                $"{At(json, "[]")}: defaults must be an object, not an array",
                $"{At(json, "\"金融\"")}: sources[0].categories must be an array, not a string",
                $"{At(json, "\"yes\"")}: sources[0].enabled must be true or false, not a string",
                $"{At(json, "[\"x\"]")}: sources[0].headers must be an object, not an array",
                $"{At(json, "\"b\"")}: sources[1] must be an object, not a string",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }
}
