using Aggregator.Configuration;
using Aggregator.Model;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class SettingsTests
{
    [Fact]
    public void EveryKeyOfAFullFileReachesTheSettings()
    {
        var result = FeedsConfigLoader.Load(TestData("valid/full.json"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var settings = result.Settings!;

        Assert.Equal("财经聚合", settings.Site.Title);
        Assert.Equal(new Uri("https://news.example.org/finance/"), settings.Site.BaseUrl);
        Assert.Equal("编辑部", settings.Site.Author);
        Assert.Equal(50, settings.Site.EntriesPerFeed);
        Assert.Equal(4, settings.MaxConcurrentFetches);
        Assert.Equal(1, settings.MaxConcurrentFetchesPerHost);
        Assert.Equal(5, settings.PauseAfterFailures);

        var inheriting = settings.Sources[0];
        Assert.Equal("stcn-yw", inheriting.Id);
        Assert.Equal("证券时报网", inheriting.Title);
        Assert.Equal(new Uri("https://rsshub.app/stcn/yw"), inheriting.Url);
        Assert.Equal(["金融", "证券时报网", "要闻"], inheriting.Categories);
        Assert.True(inheriting.Enabled);
        Assert.Equal("0 */5 * * * ?", inheriting.Schedule);
        Assert.Equal(TimeSpan.FromSeconds(30), inheriting.Timeout);
        Assert.Equal("Asia/Shanghai", inheriting.TimeZone?.Id);
        Assert.Equal("Aggregator-Test/1.0", inheriting.UserAgent);
        Assert.Equal("zh-CN", inheriting.Headers["Accept-Language"]);
        Assert.Equal("default", inheriting.Headers["X-Client"]);
        Assert.Equal(2097152, inheriting.MaxBytes);
        Assert.True(inheriting.Comments);
        Assert.Equal(50, inheriting.Priority);
        Assert.False(inheriting.IncludeEntryCategories);

        var overriding = settings.Sources[1];
        Assert.Equal("marketwatch_top", overriding.Id);
        Assert.False(overriding.Enabled);
        Assert.Equal("0 0/15 * * * ?", overriding.Schedule);
        Assert.Equal(TimeSpan.FromMinutes(1), overriding.Timeout);
        Assert.Null(overriding.TimeZone);
        Assert.Equal("Mozilla/5.0 (compatible; Aggregator)", overriding.UserAgent);
        Assert.Equal(3, overriding.Headers.Count);
        Assert.Equal("marketwatch", overriding.Headers["X-Client"]);
        Assert.Equal("Bearer token", overriding.Headers["authorization"]);
        Assert.Equal(1048576, overriding.MaxBytes);
        Assert.False(overriding.Comments);
        Assert.Equal(0, overriding.Priority);
        Assert.True(overriding.IncludeEntryCategories);
    }

    [Fact]
    public void CategoriesOfEverySourceComeInFirstUseOrderWithTheirSlugs()
    {
        var settings = FeedsConfigLoader.Load(TestData("valid/full.json")).Settings!;

        Assert.Equal(
            [
                new CategoryDefinition("金融", "finance"),
                new CategoryDefinition("证券时报网", "stcn"),
                new CategoryDefinition("要闻", "c-def18231"),
                new CategoryDefinition("US Markets", "us"),
                new CategoryDefinition("Top Stories", "top-stories"),
            ],
            settings.Categories);
    }

    [Fact]
    public void BuiltInDefaultsApplyWithoutADefaultsSection()
    {
        var settings = FeedsConfigLoader.Load(TestData("valid/minimal.json")).Settings!;

        var source = Assert.Single(settings.Sources);
        Assert.Equal("0 */10 * * * ?", source.Schedule);
        Assert.Equal(TimeSpan.FromSeconds(20), source.Timeout);
        Assert.Null(source.TimeZone);
        Assert.Null(source.UserAgent);
        Assert.Empty(source.Headers);
        Assert.Equal(15L * 1024 * 1024, source.MaxBytes);
        Assert.False(source.Comments);
        Assert.Equal(100, source.Priority);
        Assert.True(source.IncludeEntryCategories);
        Assert.True(source.Enabled);
        Assert.Equal(100, settings.Site.EntriesPerFeed);
        Assert.Null(settings.Site.Author);
        Assert.Equal(8, settings.MaxConcurrentFetches);
        Assert.Equal(2, settings.MaxConcurrentFetchesPerHost);
        Assert.Equal(10, settings.PauseAfterFailures);
    }

    [Fact]
    public void DefaultsFillWhatASourceLeavesOutAndTheSourceWinsWhereItSpeaks()
    {
        var settings = Valid("""
            {
              "site": { "title": "t", "baseUrl": "https://example.org/" },
              "defaults": { "schedule": "0 */10 * * * ?", "timeout": "00:00:20", "timeZone": "Asia/Shanghai", "priority": 7 },
              "sources": [
                { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"] },
                { "id": "b", "title": "B", "url": "https://example.org/b.xml", "categories": ["x"],
                  "schedule": "0 */5 * * * ?", "timeZone": "Europe/London", "priority": 1 }
              ]
            }
            """);

        Assert.Equal(("0 */10 * * * ?", "Asia/Shanghai", 7), (settings.Sources[0].Schedule, settings.Sources[0].TimeZone?.Id, settings.Sources[0].Priority));
        Assert.Equal(("0 */5 * * * ?", "Europe/London", 1), (settings.Sources[1].Schedule, settings.Sources[1].TimeZone?.Id, settings.Sources[1].Priority));
        Assert.All(settings.Sources, s => Assert.Equal(TimeSpan.FromSeconds(20), s.Timeout));
    }

    [Theory]
    [InlineData("PT1M", "0 * * * * ?")]
    [InlineData("PT5M", "0 */5 * * * ?")]
    [InlineData("00:30:00", "0 */30 * * * ?")]
    [InlineData("PT1H", "0 0 * * * ?")]
    [InlineData("02:00:00", "0 0 */2 * * ?")]
    [InlineData("P1D", "0 0 0 * * ?")]
    [InlineData("0 15 9 ? * MON-FRI", "0 15 9 ? * MON-FRI")]
    public void SchedulesBecomeQuartzCronExpressions(string schedule, string cron)
    {
        var settings = Valid($$"""
            {
              "site": { "title": "t", "baseUrl": "https://example.org/" },
              "sources": [ { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"], "schedule": "{{schedule}}" } ]
            }
            """);

        Assert.Equal(cron, settings.Sources[0].Schedule);
    }
}
