using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Normalizing.Identity;

public sealed class TitleNumbersTests
{
    [Theory]
    [InlineData("收评沪指涨0.5", "收评沪指跌0.3")]
    [InlineData("4月cpi同比下降0.1", "3月cpi同比下降0.1")]
    [InlineData("uscpirises0.2inapril", "uscpirises0.1inmay")]
    public void DifferentFiguresConflict(string left, string right)
    {
        Assert.True(TitleNumbers.Conflict(left, right));
    }

    [Theory]
    [InlineData("宁德时代首日高开12", "宁德时代首日开盘涨12.5报296港元")]
    [InlineData("沪指涨0.52", "沪指涨0.5")]
    [InlineData("央行降准0.5个百分点", "央行宣布降准0.5个百分点释放1万亿元")]
    [InlineData("华为发布新芯片", "华为新芯片算力提升1倍")]
    public void RoundedSubsetOrMissingFiguresDoNotConflict(string left, string right)
    {
        Assert.False(TitleNumbers.Conflict(left, right));
    }
}
