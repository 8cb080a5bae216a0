using Aggregator.Model;
using Aggregator.Normalizing.Dates;

namespace Aggregator.Tests.Normalizing.Dates;

/// <summary>The forms Chinese sites write, and how a feed's zone is chosen when they carry none.</summary>
public sealed class ChineseDateTests
{
    private static readonly DateTimeOffset Expected = new(2021, 5, 13, 12, 34, 0, TimeSpan.Zero);
    private static readonly DateZone China = new(FeedZoneInference.China, CstIsChina: true);

    [Theory]
    [InlineData("2021-05-13 20:34:00")]
    [InlineData("2021-05-13 20:34")]
    [InlineData("2021/05/13 20:34")]
    [InlineData("2021/5/13 20:34:00")]
    [InlineData("2021年05月13日 20:34")]
    [InlineData("2021年5月13日 20:34:00")]
    [InlineData("2021年05月13日20时34分")]
    [InlineData("Thu, 13 May 2021 20:34:00 CST")]
    [InlineData("2021-05-13 20:34:00 CST")]
    [InlineData("Thu May 13 20:34:00 CST 2021")]
    [InlineData("2021-05-13T20:34:00")]
    [InlineData("2021-05-13T20:34:00.000+0800")]
    [InlineData("Thu, 13 May 2021 20:34:00 +0800")]
    [InlineData("Thu, 13 May 2021 20:34:00 +0800 (CST)")]
    [InlineData("2021-05-13T20:34:00+08:00")]
    public void ChineseSiteFormsReadInChinaTime(string text)
    {
        Assert.Equal(Expected, FeedDateParser.ParseUtc(text, China));
    }

    [Fact]
    public void ADayWithoutTimeIsMidnightInChina()
    {
        Assert.Equal(new DateTimeOffset(2021, 5, 12, 16, 0, 0, TimeSpan.Zero), FeedDateParser.ParseUtc("2021年5月13日", China));
    }

    [Fact]
    public void CstOutsideChinaIsUsCentral()
    {
        Assert.Equal(new DateTimeOffset(2021, 5, 14, 2, 34, 0, TimeSpan.Zero), FeedDateParser.ParseUtc("Thu, 13 May 2021 20:34:00 CST", DateZone.Utc));
    }

    [Fact]
    public void AConfiguredZoneReadsZoneLessDates()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var zone = FeedZoneInference.For(Feed(null, "2021-05-13 20:34:00"), Source(tokyo));
        Assert.Equal(new DateTimeOffset(2021, 5, 13, 11, 34, 0, TimeSpan.Zero), FeedDateParser.ParseUtc("2021-05-13 20:34:00", zone));
        Assert.False(zone.CstIsChina);
    }

    [Fact]
    public void AConfiguredShanghaiZoneMakesCstChinese()
    {
        var zone = FeedZoneInference.For(Feed("en", "x"), Source(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        Assert.Equal(Expected, FeedDateParser.ParseUtc("Thu, 13 May 2021 20:34:00 CST", zone));
    }

    [Fact]
    public void AChineseLanguageMeansChinaTimeWhenNoZoneIsConfigured()
    {
        var zone = FeedZoneInference.For(Feed("zh-CN", "2021-05-13 20:34:00"), Source(null));
        Assert.Equal(Expected, FeedDateParser.ParseUtc("2021-05-13 20:34:00", zone));
        Assert.Equal(Expected, FeedDateParser.ParseUtc("Thu, 13 May 2021 20:34:00 CST", zone));
    }

    [Fact]
    public void WithoutLanguageTheFeedsUsualOffsetIsUsed()
    {
        var zone = FeedZoneInference.For(Feed(null, "Thu, 13 May 2021 10:00:00 +0900", "2021-05-13 20:34:00", "Thu, 13 May 2021 09:00:00 +0900", "Thu, 13 May 2021 09:00:00 +0100"), Source(null));
        Assert.Equal(new DateTimeOffset(2021, 5, 13, 11, 34, 0, TimeSpan.Zero), FeedDateParser.ParseUtc("2021-05-13 20:34:00", zone));
    }

    [Fact]
    public void AFeedWhoseDatesCarryPlusEightReadsCstAsChina()
    {
        var zone = FeedZoneInference.For(Feed("en", "Thu, 13 May 2021 10:00:00 +0800", "Thu, 13 May 2021 20:34:00 CST"), Source(null));
        Assert.Equal(Expected, FeedDateParser.ParseUtc("Thu, 13 May 2021 20:34:00 CST", zone));
    }

    [Fact]
    public void WithNothingToGoOnZoneLessDatesAreUtc()
    {
        var zone = FeedZoneInference.For(Feed("en", "2021-05-13 20:34:00"), Source(null));
        Assert.Equal(new DateTimeOffset(2021, 5, 13, 20, 34, 0, TimeSpan.Zero), FeedDateParser.ParseUtc("2021-05-13 20:34:00", zone));
    }

    [Fact]
    public void FutureDatesBeyondTheToleranceAreClampedToFirstSeen()
    {
        var seen = new DateTimeOffset(2021, 5, 13, 12, 0, 0, TimeSpan.Zero);
        var soon = FeedDate.WithOffset(new DateTime(2021, 5, 13, 12, 9, 0), TimeSpan.Zero);
        var late = FeedDate.WithOffset(new DateTime(2021, 5, 13, 13, 0, 0), TimeSpan.Zero);
        Assert.Equal(seen.AddMinutes(9), EntryDates.Resolve(soon, null, DateZone.Utc, seen).Published);
        Assert.Equal(seen, EntryDates.Resolve(late, null, DateZone.Utc, seen).Published);
    }

    [Fact]
    public void PublishedFallsBackToUpdatedThenToFirstSeen()
    {
        var seen = new DateTimeOffset(2021, 5, 13, 12, 0, 0, TimeSpan.Zero);
        var updated = FeedDate.WithOffset(new DateTime(2021, 5, 13, 8, 0, 0), TimeSpan.Zero);
        var fromUpdated = EntryDates.Resolve(null, updated, DateZone.Utc, seen);
        Assert.Equal(seen.AddHours(-4), fromUpdated.Published);
        Assert.Equal(seen.AddHours(-4), fromUpdated.Updated);
        var fromSeen = EntryDates.Resolve(null, null, DateZone.Utc, seen);
        Assert.Equal(seen, fromSeen.Published);
        Assert.Null(fromSeen.Updated);
    }

    private static ParsedFeed Feed(string? language, params string[] dates) => new()
    {
        Format = FeedFormat.Rss20,
        Language = language,
        Entries = dates.Select(d => new ParsedEntry { Published = d }).ToList(),
    };

    private static SourceDefinition Source(TimeZoneInfo? zone) => new()
    {
        Id = "s",
        Title = "s",
        Url = new Uri("https://example.cn/rss.xml"),
        Categories = [],
        Schedule = "0 * * * * ?",
        TimeZone = zone,
    };
}
