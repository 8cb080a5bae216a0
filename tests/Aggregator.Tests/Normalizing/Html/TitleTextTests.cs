using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

public sealed class TitleTextTests
{
    [Fact]
    public void ScriptInAnHtmlTitleLeavesNoCodeInTheText()
    {
        Assert.Equal("safe description",
            TitleText.From("safe<script type=\"text/javascript\">location.href='http:/'+'/example.com/';</script> description", isHtml: true));
    }

    [Fact]
    public void StyleInAnHtmlTitleLeavesNoRulesInTheText()
    {
        Assert.Equal("A B", TitleText.From("A <STYLE>p { color: red }</STYLE>B", isHtml: true));
    }
}
