using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Normalizing.Identity;

public sealed class StoryMatcherTests
{
    private static readonly DateTimeOffset Noon = new(2025, 5, 13, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly StoryMatcher Matcher = new(new StoryMatchOptions());

    private const string RateCutBody = "中国人民银行决定于5月15日下调金融机构存款准备金率0.5个百分点，预计释放长期流动性约1万亿元。央行有关负责人表示，此次降准旨在保持银行体系流动性合理充裕。";

    private static StoryCandidate Article(string title, string body, double hoursLater = 0, string? source = null) =>
        new(StoryIdentity.TitleKey(title, source), StoryIdentity.Fingerprint(body), Noon.AddHours(hoursLater));

    [Fact]
    public void TheSameWireStoryUnderDifferentSourcePrefixesMerges()
    {
        var cls = Article("【财联社5月13日讯】央行宣布下调存款准备金率0.5个百分点", "【财联社5月13日讯】" + RateCutBody, source: "财联社");
        var stcn = Article("央行宣布下调存款准备金率0.5个百分点", "证券时报网讯，" + RateCutBody + "（记者 张三）", 0.1, "证券时报网");
        Assert.True(Matcher.IsSameStory(cls, stcn));
    }

    [Fact]
    public void ACopiedBodyMergesUnderARewrittenTitle()
    {
        var a = Article("央行宣布下调存款准备金率0.5个百分点", RateCutBody);
        var b = Article("降准落地！释放长期资金约1万亿元", RateCutBody, 2);
        Assert.True(Matcher.IsSameStory(a, b));
    }

    [Fact]
    public void ReportsPublishedFurtherApartThanTheWindowNeverMerge()
    {
        var a = Article("央行宣布下调存款准备金率0.5个百分点", RateCutBody);
        var b = Article("央行宣布下调存款准备金率0.5个百分点", RateCutBody, 49);
        Assert.False(Matcher.IsSameStory(a, b));
    }

    [Fact]
    public void ABoilerplateTitleAloneDoesNotMergeDifferentBodies()
    {
        var monday = Article("早间新闻", "1. 央行将于5月15日下调存款准备金率；2. 美股三大指数大涨，纳指涨超4%；3. 国际金价下跌3%。");
        var tuesday = Article("早间新闻", "1. 4月金融数据公布，M2同比增长8%；2. 美国4月CPI同比上涨2.3%；3. 腾讯将于今晚公布业绩。", 24);
        Assert.False(Matcher.IsSameStory(monday, tuesday));
    }

    [Fact]
    public void TitlesWhoseNumbersContradictDoNotMergeOnTheTitle()
    {
        var up = new StoryCandidate(StoryIdentity.TitleKey("收评：沪指涨0.5% 半导体板块领涨", null), 0, Noon);
        var down = new StoryCandidate(StoryIdentity.TitleKey("收评：沪指跌0.3% 半导体板块领涨", null), 0, Noon.AddHours(24));
        Assert.False(Matcher.IsSameStory(up, down));
    }

    [Fact]
    public void ASpecificTitleWithoutBodiesMergesWhenItsNumbersAgree()
    {
        var a = new StoryCandidate(StoryIdentity.TitleKey("宁德时代港股上市首日高开12.5%", null), 0, Noon);
        var b = new StoryCandidate(StoryIdentity.TitleKey("【快讯】宁德时代港股上市首日高开12%", null), 0, Noon.AddMinutes(5));
        Assert.True(Matcher.IsSameStory(a, b));
    }

    [Fact]
    public void IdenticalTitlesOverTemplateBodiesWithOtherFiguresDoNotMerge()
    {
        var monday = Article("央行今日开展1475亿元7天期逆回购操作", "中国人民银行5月13日开展了1475亿元7天期逆回购操作，操作利率1.50%。当日有1475亿元逆回购到期，实现零投放零回笼。");
        var tuesday = Article("央行今日开展1475亿元7天期逆回购操作", "中国人民银行5月14日开展了1475亿元7天期逆回购操作，操作利率1.50%。当日有1900亿元逆回购到期，实现净回笼425亿元。", 24);
        Assert.False(Matcher.IsSameStory(monday, tuesday));
    }

    [Fact]
    public void AMatchingTitleOverAnUnrelatedBodyDoesNotMerge()
    {
        var a = Article("Treasury yields rise as 10-year note tops 4.5%", "The 10-year Treasury yield rose 6 basis points to 4.52% on Monday as investors digested the loss of the government's last triple-A rating.");
        var b = Article("Treasury yields rise as 10-year note tops 4.5%", "Bond traders sold long-dated government debt after a weak auction of twenty-year bonds drew little demand from foreign buyers.", 30);
        Assert.False(Matcher.IsSameStory(a, b));
    }

    [Fact]
    public void TheDecisionIsTheSameWhicheverArticleComesFirst()
    {
        var a = Article("央行宣布下调存款准备金率0.5个百分点", RateCutBody);
        var b = Article("央行降准0.5个百分点", RateCutBody + "\n多位分析师表示，5月LPR存在下调可能。", 1);
        Assert.Equal(Matcher.IsSameStory(a, b), Matcher.IsSameStory(b, a));
    }
}
