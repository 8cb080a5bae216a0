using Aggregator.Configuration;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class ValueProblemTests
{
    /// <summary>A valid file with one source whose extra properties are <paramref name="sourceProperties"/>.</summary>
    private static string WithSource(string sourceProperties) => $$"""
        {
          "site": { "title": "t", "baseUrl": "https://example.org/" },
          "sources": [
            { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"], {{sourceProperties}} }
          ]
        }
        """;

    private static string SingleProblem(string json)
    {
        var problem = Assert.Single(FeedsConfigLoader.Parse(json, "feeds.json").Problems);
        return $"{problem.Line}:{problem.Column}: {problem.Message}";
    }

    [Theory]
    [InlineData("ftp://example.org/a.xml")]
    [InlineData("/rss.xml")]
    [InlineData("rsshub.app/cls/telegraph")]
    [InlineData("https://")]
    public void UrlsThatAreNotAbsoluteHttpOrFileAreRejected(string url)
    {
        var json = WithSource($"\"enabled\": true }}, {{ \"id\": \"b\", \"title\": \"B\", \"url\": \"{url}\", \"categories\": [\"x\"]");

        Assert.Equal($"{At(json, $"\"{url}\"")}: sources[1].url '{url}' must be an absolute http:// or https:// URL, or a file: URL", SingleProblem(json));
    }

    [Fact]
    public void ABaseUrlWithAQueryIsRejected()
    {
        const string json = """
            { "site": { "title": "t", "baseUrl": "https://example.org/?x=1" },
              "sources": [ { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"] } ] }
            """;

        Assert.Equal("1:38: site.baseUrl 'https://example.org/?x=1' must not have a query or fragment; published paths are appended to it", SingleProblem(json));
    }

    [Fact]
    public void ABadCronExpressionGivesQuartzsReason()
    {
        var json = WithSource("\"schedule\": \"0 61 * * * ?\"");

        var problem = SingleProblem(json);

        Assert.StartsWith($"{At(json, "\"0 61")}: sources[0].schedule '0 61 * * * ?' is not a valid Quartz cron expression: ", problem, StringComparison.Ordinal);
        Assert.Contains("between 0 and 59", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AFiveFieldUnixCronGetsAHintAboutSeconds()
    {
        var json = WithSource("\"schedule\": \"*/5 * * * *\"");

        Assert.EndsWith("Quartz cron starts with seconds and needs '?' in day-of-month or day-of-week, e.g. '0 */5 * * * ?'", SingleProblem(json), StringComparison.Ordinal);
    }

    [Fact]
    public void StarsInBothDayFieldsGetAHintAboutTheQuestionMark()
    {
        var json = WithSource("\"schedule\": \"0 0 12 * * *\"");

        Assert.Equal(
            $"{At(json, "\"0 0 12")}: sources[0].schedule '0 0 12 * * *' is not a valid Quartz cron expression: Support for specifying both a day-of-week AND a day-of-month parameter is not implemented; put '?' in one of them, e.g. '0 0 12 * * ?' or '0 0 12 ? * MON'",
            SingleProblem(json));
    }

    [Theory]
    [InlineData("PT7M", "does not divide an hour or a day evenly")]
    [InlineData("01:30:00", "does not divide an hour or a day evenly")]
    [InlineData("PT30S", "must be a whole number of minutes, at least one")]
    [InlineData("every 5m", "is not a valid Quartz cron expression")]
    [InlineData("PTXM", "is neither a Quartz cron expression nor an interval")]
    public void IntervalsThatQuartzCannotRepeatExactlyAreRejected(string schedule, string reason)
    {
        var json = WithSource($"\"schedule\": \"{schedule}\"");

        var problem = SingleProblem(json);

        Assert.StartsWith($"{At(json, $"\"{schedule}\"")}: sources[0].schedule ", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTimeZoneSuggestsTheNearestOne()
    {
        var json = WithSource("\"timeZone\": \"Asia/Shangai\"");

        Assert.Equal($"{At(json, "\"Asia/Shangai\"")}: sources[0].timeZone 'Asia/Shangai' is not a known time zone; did you mean 'Asia/Shanghai'?", SingleProblem(json));
    }

    [Fact]
    public void ATimeZoneFarFromAnyKnownOneSaysWhatToWrite()
    {
        var json = WithSource("\"timeZone\": \"Beijing Time\"");

        Assert.EndsWith("is not a known time zone; use an IANA id such as 'Asia/Shanghai' or 'America/New_York'", SingleProblem(json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"priority\": -1", "-1", "sources[0].priority must be between 0 and 10000, not -1")]
    [InlineData("\"priority\": 1.5", "1.5", "sources[0].priority must be a whole number, not 1.5")]
    [InlineData("\"maxBytes\": 10", "10", "sources[0].maxBytes must be between 1024 and 1073741824, not 10")]
    [InlineData("\"timeout\": \"00:10:00\"", "\"00:10", "sources[0].timeout must be between 00:00:01 and 00:05:00, not 00:10:00")]
    [InlineData("\"timeout\": \"20\"", "\"20\"", "sources[0].timeout '20' is not a duration; write \"00:00:20\" or \"PT20S\"")]
    public void NumbersAndDurationsOutOfRangeAreRejected(string property, string marker, string message)
    {
        var json = WithSource(property);

        Assert.Equal($"{At(json, marker)}: {message}", SingleProblem(json));
    }

    [Fact]
    public void SiteAndFetchNumbersOutOfRangeAreRejected()
    {
        const string json = """
            {
              "site": { "title": "t", "baseUrl": "https://example.org/", "entriesPerFeed": 0 },
              "fetch": { "maxConcurrent": 1000, "maxConcurrentPerHost": 0, "pauseAfterFailures": 0 },
              "sources": [ { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"] } ]
            }
            """;

        Assert.Equal(
            [
                "2:80: site.entriesPerFeed must be between 1 and 10000, not 0",
                "3:31: fetch.maxConcurrent must be between 1 and 256, not 1000",
                "3:61: fetch.maxConcurrentPerHost must be between 1 and 64, not 0",
                "3:86: fetch.pauseAfterFailures must be between 1 and 1000, not 0",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Theory]
    [InlineData("STCN")]
    [InlineData("stcn yw")]
    [InlineData("-stcn")]
    [InlineData("证券时报")]
    public void IdsThatAreNotSlugLikeAreRejected(string id)
    {
        var json = WithSource("\"enabled\": true").Replace("\"id\": \"a\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);

        Assert.Equal($"{At(json, $"\"{id}\"")}: sources[0].id '{id}' must be lower-case ASCII letters and digits joined by '-' or '_', at most 64 characters, e.g. 'stcn-yw'", SingleProblem(json));
    }

    [Fact]
    public void EmptyCategoriesAndRepeatedOrPaddedCategoryNamesAreRejected()
    {
        const string json = """
            {
              "site": { "title": "t", "baseUrl": "https://example.org/" },
              "sources": [
                { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": [] },
                { "id": "b", "title": "B", "url": "https://example.org/b.xml", "categories": ["金融", "金融", " 要闻", ""] }
              ]
            }
            """;

        Assert.Equal(
            [
                $"{At(json, "[]")}: sources[0].categories is empty; list at least one category",
                $"{At(json, "\"金融\"", 2)}: sources[1].categories lists '金融' twice",
                $"{At(json, "\" 要闻\"")}: sources[1].categories[2] ' 要闻' starts or ends with white space",
                $"{At(json, "\"\"]")}: sources[1].categories[3] must not be empty",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Fact]
    public void AnEmptySourceListIsRejected()
    {
        const string json = """{ "site": { "title": "t", "baseUrl": "https://example.org/" }, "sources": [] }""";

        Assert.Equal("1:75: sources is empty; list at least one source", SingleProblem(json));
    }

    [Fact]
    public void HeadersMustBeSendable()
    {
        var json = WithSource("\"headers\": { \"Bad Name\": \"x\", \"X-Ok\": \"line\\nbreak\", \"X-Num\": 5 }");

        Assert.Equal(
            [
                $"{At(json, "\"Bad Name\"")}: 'Bad Name' in sources[0].headers is not a valid HTTP header name",
                $"{At(json, "\"line")}: sources[0].headers[\"X-Ok\"] must not contain line breaks",
                $"{At(json, "5 }")}: sources[0].headers[\"X-Num\"] must be a string, not a number",
            ],
            Located(FeedsConfigLoader.Parse(json, "feeds.json")));
    }

    [Fact]
    public void AProblemInDefaultsIsReportedOnceNotPerSource()
    {
        const string json = """
            {
              "site": { "title": "t", "baseUrl": "https://example.org/" },
              "defaults": { "timeZone": "Mars/Olympus_Mons" },
              "sources": [
                { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"] },
                { "id": "b", "title": "B", "url": "https://example.org/b.xml", "categories": ["x"] }
              ]
            }
            """;

        Assert.StartsWith("3:29: defaults.timeZone 'Mars/Olympus_Mons' is not a known time zone", SingleProblem(json), StringComparison.Ordinal);
    }
}
