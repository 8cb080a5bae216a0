using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Normalizing.Identity;

public sealed class FingerprintTests
{
    private const string RepoBody = "中国人民银行5月13日开展了1475亿元7天期逆回购操作，操作利率1.50%。当日有1475亿元逆回购到期，实现零投放零回笼。";
    private const string NextDayRepoBody = "中国人民银行5月14日开展了1475亿元7天期逆回购操作，操作利率1.50%。当日有1900亿元逆回购到期，实现净回笼425亿元。";
    private const string FedBody = "The Federal Reserve kept its benchmark interest rate in a range of 4.25% to 4.50% on Wednesday, as expected. Policymakers said the risks of both higher unemployment and higher inflation had risen.";

    [Fact]
    public void TheFingerprintOfAGivenTextNeverChangesBetweenRuns()
    {
        // Fingerprints are stored: a change of this value invalidates every stored one, so it must be deliberate.
        Assert.Equal(0x224626D0383819UL, StoryIdentity.Fingerprint(RepoBody));
    }

    [Fact]
    public void IdenticalTextHasDistanceZeroAndUnrelatedTextIsFar()
    {
        var repo = StoryIdentity.Fingerprint(RepoBody);
        var fed = StoryIdentity.Fingerprint(FedBody);
        Assert.Equal(0, StoryIdentity.Distance(repo, repo));
        Assert.True(StoryIdentity.Distance(repo, fed) > 12, $"distance {StoryIdentity.Distance(repo, fed)}");
    }

    [Fact]
    public void ChineseSourcePrefixesAndBylinesDoNotChangeTheFingerprint()
    {
        var plain = StoryIdentity.Fingerprint(RepoBody);
        Assert.Equal(plain, StoryIdentity.Fingerprint("【财联社5月13日讯】" + RepoBody));
        Assert.Equal(plain, StoryIdentity.Fingerprint("证券时报网讯，" + RepoBody + "（记者 张三）"));
        Assert.Equal(plain, StoryIdentity.Fingerprint(RepoBody + "\n责任编辑：李四"));
        Assert.Equal(plain, StoryIdentity.Fingerprint(RepoBody + "（文章来源：证券时报网）"));
    }

    [Fact]
    public void WireDatelinesAndReportingCreditsDoNotChangeTheFingerprint()
    {
        var plain = StoryIdentity.Fingerprint(FedBody);
        Assert.Equal(plain, StoryIdentity.Fingerprint("WASHINGTON, May 7 (Reuters) - " + FedBody + " (Reporting by Howard Schneider; Editing by Andrea Ricci)"));
        Assert.Equal(plain, StoryIdentity.Fingerprint("(Bloomberg) -- " + FedBody + "\n--With assistance from Jane Doe."));
    }

    [Fact]
    public void FullWidthDigitsDoNotChangeTheFingerprint()
    {
        Assert.Equal(StoryIdentity.Fingerprint(RepoBody), StoryIdentity.Fingerprint(RepoBody.Replace("1475", "１４７５", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnEmptyBodyHasFingerprintZero()
    {
        Assert.Equal(0UL, StoryIdentity.Fingerprint(""));
        Assert.Equal(0UL, StoryIdentity.Fingerprint(" 。—— "));
    }

    [Fact]
    public void AnAddedParagraphKeepsTheBodyNear()
    {
        var extended = FedBody + "\nFutures markets continued to price in about three quarter-point cuts by the end of the year.";
        var distance = StoryIdentity.Distance(StoryIdentity.Fingerprint(FedBody), StoryIdentity.Fingerprint(extended));
        Assert.InRange(distance, 1, 12);
    }

    [Fact]
    public void TwoDaysOfOneTemplateHaveNumbersThatDisagree()
    {
        Assert.True(BodyFingerprint.NumbersDisagree(StoryIdentity.Fingerprint(RepoBody), StoryIdentity.Fingerprint(NextDayRepoBody)));
    }

    [Fact]
    public void ASummaryKeepsNumbersThatAgreeWithTheFullText()
    {
        var summary = "中国人民银行5月13日开展了1475亿元7天期逆回购操作。";
        Assert.False(BodyFingerprint.NumbersDisagree(StoryIdentity.Fingerprint(summary), StoryIdentity.Fingerprint(RepoBody)));
    }
}
