using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Normalizing.Identity;

public sealed class StoryIdentityTests
{
    [Fact]
    public void FullWidthAndPunctuationDoNotChangeTheTitleKey()
    {
        Assert.Equal(StoryIdentity.TitleKey("Ａ股三大指数集体收涨！", null), StoryIdentity.TitleKey("A股三大指数集体收涨", null));
        Assert.Equal("a股三大指数集体收涨", StoryIdentity.TitleKey("Ａ股“三大指数”集体收涨！", null));
    }

    [Fact]
    public void FullWidthDigitsAndDecimalPointFoldToTheirAsciiForms()
    {
        Assert.Equal("沪指涨0.52", StoryIdentity.TitleKey("沪指涨０．５２％", null));
    }

    [Fact]
    public void DecimalPointBetweenDigitsIsKeptSoThatHalfAPercentIsNotFive()
    {
        Assert.NotEqual(StoryIdentity.TitleKey("降准0.5个百分点", null), StoryIdentity.TitleKey("降准05个百分点", null));
    }

    [Theory]
    [InlineData("【财联社5月13日讯】央行宣布下调存款准备金率")]
    [InlineData("【快讯】央行宣布下调存款准备金率")]
    [InlineData("[Breaking] 央行宣布下调存款准备金率")]
    [InlineData("「独家」央行宣布下调存款准备金率")]
    [InlineData("快讯：央行宣布下调存款准备金率")]
    [InlineData("证券时报网讯，央行宣布下调存款准备金率")]
    [InlineData("财联社5月13日电，央行宣布下调存款准备金率")]
    [InlineData("新浪财经讯 央行宣布下调存款准备金率")]
    [InlineData("央行宣布下调存款准备金率（附名单）")]
    public void ChineseLabelsSourcePrefixesAndTrailingParentheticalsAreRemovedFromTheTitleKey(string title)
    {
        Assert.Equal("央行宣布下调存款准备金率", StoryIdentity.TitleKey(title, null));
    }

    [Theory]
    [InlineData("Reuters - Fed holds rates steady")]
    [InlineData("(Bloomberg) -- Fed holds rates steady")]
    [InlineData("UPDATE 2-Fed holds rates steady")]
    [InlineData("BRIEF-Fed holds rates steady")]
    [InlineData("BREAKING: Fed holds rates steady")]
    [InlineData("Fed holds rates steady - Bloomberg")]
    [InlineData("Fed holds rates steady | Reuters")]
    public void EnglishWirePrefixesAndSuffixesAreRemovedFromTheTitleKey(string title)
    {
        Assert.Equal("fedholdsratessteady", StoryIdentity.TitleKey(title, null));
    }

    [Fact]
    public void TheConfiguredSourceTitleIsRemovedFromEitherEndOfTheTitle()
    {
        Assert.Equal("沪指收涨", StoryIdentity.TitleKey("金融快报：沪指收涨", "金融快报"));
        Assert.Equal("goldhitsrecord", StoryIdentity.TitleKey("Gold hits record - Daily Markets", "Daily Markets"));
    }

    [Fact]
    public void ASourceNameThatIsTheSubjectOfTheTitleStays()
    {
        Assert.Equal("reuterspollseesfedcutinseptember", StoryIdentity.TitleKey("Reuters poll sees Fed cut in September", null));
        Assert.Equal("财联社记者获悉多家银行下调存款利率", StoryIdentity.TitleKey("财联社记者获悉多家银行下调存款利率", null));
    }

    [Fact]
    public void ALeadingBracketThatIsTheWholeTitleIsKept()
    {
        Assert.Equal("早间新闻", StoryIdentity.TitleKey("【早间新闻】", null));
    }

    [Fact]
    public void ALabelWordThatStartsTheSentenceStays()
    {
        Assert.Equal("最新3家银行下调存款利率", StoryIdentity.TitleKey("最新3家银行下调存款利率", null));
        Assert.Equal("updateonustradetalks", StoryIdentity.TitleKey("Update on US trade talks", null));
    }

    [Fact]
    public void CharactersOutsideTheFastPathStillGetTheFullNormalization()
    {
        Assert.Equal("央行1号文件", StoryIdentity.TitleKey("央行①号文件", null));
        Assert.Equal("salesofficeopens", StoryIdentity.TitleKey("Sales\u00A0office\u2026 opens", null));
    }
}
