using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Normalizing.Identity;

public sealed class BoilerplateTitlesTests
{
    [Theory]
    [InlineData("收评：沪指涨0.5%")]
    [InlineData("早间新闻")]
    [InlineData("财联社早知道")]
    [InlineData("Stocks to watch")]
    [InlineData("Market close")]
    [InlineData("龙虎榜")]
    public void ColumnTitlesAreBoilerplate(string title)
    {
        Assert.True(BoilerplateTitles.IsBoilerplate(StoryIdentity.TitleKey(title, null), new StoryMatchOptions().MinTitleKeyLength));
    }

    [Theory]
    [InlineData("央行宣布下调存款准备金率0.5个百分点")]
    [InlineData("Fed holds rates steady, says risks of higher inflation have risen")]
    public void StoryTitlesAreNotBoilerplate(string title)
    {
        Assert.False(BoilerplateTitles.IsBoilerplate(StoryIdentity.TitleKey(title, null), new StoryMatchOptions().MinTitleKeyLength));
    }

    [Fact]
    public void TitleSimilarityIsOneForEqualKeysAndLowForUnrelatedOnes()
    {
        Assert.Equal(1.0, TitleSimilarity.Jaccard("央行宣布降准", "央行宣布降准"));
        Assert.True(TitleSimilarity.Jaccard("央行宣布降准", "腾讯公布一季度业绩") < 0.1);
    }
}
