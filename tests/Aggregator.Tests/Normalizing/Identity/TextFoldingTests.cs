using System.Text;
using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Normalizing.Identity;

public sealed class TextFoldingTests
{
    [Fact]
    public void TheFastPathFoldsEveryFullWidthFormExactlyAsNfkcDoes()
    {
        var text = new StringBuilder("\u3000【财联社】「测试」、。“引号”—·");
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
            text.Append(c);
        var input = text.ToString();
        var buffer = new char[input.Length];
        Assert.Equal(input.Normalize(NormalizationForm.FormKC), TextFolding.Fold(input, buffer).ToString());
    }

    [Fact]
    public void TextThatNeedsNoFoldingIsReturnedAsItIs()
    {
        const string input = "央行宣布降准0.5个百分点、释放流动性约1万亿元。Fed holds rates.";
        Assert.Equal(input, TextFolding.Fold(input, new char[input.Length]).ToString());
    }
}
