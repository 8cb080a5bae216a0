using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Normalizing.Identity;

public sealed class StoryIdentityTests
{
    [Fact]
    public void FullWidthAndPunctuationDoNotChangeTheTitleKey()
    {
        Assert.Equal(StoryIdentity.TitleKey("Ａ股三大指数集体收涨！", null), StoryIdentity.TitleKey("A股三大指数集体收涨", null));
    }

    [Fact]
    public void IdenticalTextHasDistanceZeroAndDifferentTextDoesNot()
    {
        var first = StoryIdentity.Fingerprint("央行今日开展1000亿元逆回购操作，中标利率维持1.8%不变。");
        var second = StoryIdentity.Fingerprint("美联储宣布维持联邦基金利率目标区间不变，符合市场预期。");
        Assert.Equal(0, StoryIdentity.Distance(first, first));
        Assert.True(StoryIdentity.Distance(first, second) > 10);
    }
}
