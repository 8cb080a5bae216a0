using Aggregator.Normalizing.Html;
using Ganss.Xss;

namespace Aggregator.Tests.Normalizing.Html;

/// <summary>
/// A style value's remembered result is HtmlSanitizer's own: a body sanitized when its styles are
/// already known gives exactly what the library alone gives, and only values whose result cannot
/// depend on the element or the base URL are remembered.
/// </summary>
public sealed class StyleVerdictsTests
{
    private static readonly BodySanitizer LibraryOnly = new(() => BodyParser.Shared, replayStyleVerdicts: false);
    private static readonly BodySanitizer StockLibraryOnly = new(() => HtmlSanitizer.DefaultHtmlParserFactory(), replayStyleVerdicts: false);
    private static readonly Uri Base = new("https://news.example.cn/a/1.html");

    public static TheoryData<string> RepeatedStyles() =>
    [
        "<p style=\"text-align: center;\"><img src=\"/a.jpg\" alt=\"\" /></p><p style=\"text-align:center\">x</p><p style=\"text-align: center;\">y</p>",
        "<img style=\"width:100%\" src=\"a.jpg\" alt=\"\" data-x=\"1\"><img style=\"width:100%\" src=\"b.jpg\" alt=\"\">",
        "<p style=\"color:red;position:absolute;top:0\">moved</p><p style=\"color:red;position:absolute;top:0\">again</p>",
        "<p style=\"position:absolute\">gone</p><p style=\"position:absolute\">gone too</p>",
        "<p style=\"\">empty</p><p style=\";;\">semicolons</p><p style=\"color\">no value</p><p style=\";;\">again</p>",
        "<p style=\"margin:0 auto;padding:0\u00A0;border:1px solid\">shorthands</p><p style=\"margin:0 auto;padding:0\u00A0;border:1px solid\">twice</p>",
        "<p style=\"text-align: left !important; -webkit-text-size-adjust: 100%\">vendor</p>",
        "<span style=\"font: bold 12px/1.5 Arial, sans-serif; COLOR: #333\">font</span><span style=\"COLOR: #333\">color</span>",
        "<div style=\"background:url(javascript:alert(1)); margin: 10px\">bg</div><div style=\"background-image: url('/bg.png')\">relative</div>",
        "<div style=\"width: expression(alert(1))\">ie</div><div style=\"width: expression(alert(1))\">ie</div>",
        "<form style=\"color:green\">removed tag</form><p style=\"color:green\">kept</p>",
        "<blink style=\"color:blue\"><p style=\"color:blue\">inside</p></blink>",
        "<a href=\"/x\" target=\"_blank\" style=\"color:#00f\">link</a><a href=\"/y\" style=\"color:#00f\" title=\"t\">link</a>",
        "<p style=\"text-align:center &{x}\">brace</p><p style=\"text-align:center\">plain</p>",
        "<table style=\"border-collapse:collapse\"><tr><td style=\"padding:2px\">1</td><td style=\"padding:2px\">2</td></tr></table>",
    ];

    [Theory]
    [MemberData(nameof(RepeatedStyles))]
    public void ABodyWhoseStylesAreKnownSanitizesAsTheLibraryAloneDoes(string html)
    {
        var replaying = new BodySanitizer();
        var first = replaying.Sanitize(html, Base);
        var second = replaying.Sanitize(html, Base);

        var library = LibraryOnly.Sanitize(html, Base);
        Assert.Equal(library, first);
        Assert.Equal(library, second);
        Assert.Equal(StockLibraryOnly.Sanitize(html, Base), second);
    }

    [Theory]
    [MemberData(nameof(XssVectorTests.Vectors), MemberType = typeof(XssVectorTests))]
    public void XssVectorsSanitizedTwiceGiveTheLibrarysResult(string html)
    {
        var replaying = new BodySanitizer();
        replaying.Sanitize(html, Base);

        Assert.Equal(LibraryOnly.Sanitize(html, Base), replaying.Sanitize(html, Base));
    }

    [Fact]
    public void TheLibrarysResultForAPlainValueIsRememberedAndReplayed()
    {
        var replaying = new BodySanitizer();
        replaying.Sanitize("<p style=\"text-align:center\">a</p><p style=\"color:red;position:fixed\">b</p><p style=\"position:fixed\">c</p>", Base);

        Assert.True(replaying.StyleVerdicts!.TryRecall("text-align:center", out var kept));
        Assert.Equal("text-align:center", kept);
        Assert.True(replaying.StyleVerdicts.TryRecall("color:red;position:fixed", out var trimmed));
        Assert.Equal("color: rgba(255, 0, 0, 1)", trimmed);
        Assert.True(replaying.StyleVerdicts.TryRecall("position:fixed", out var removed));
        Assert.Null(removed);
    }

    [Fact]
    public void AStyleOnAnElementTheSanitizerRemovedIsNotRemembered()
    {
        var replaying = new BodySanitizer();
        replaying.Sanitize("<form style=\"color:green\">x</form>", Base);

        Assert.False(replaying.StyleVerdicts!.TryRecall("color:green", out _));
    }

    [Theory]
    [InlineData("background:url(https://a.example/x.png)")]
    [InlineData("background:URL(x.png)")]
    [InlineData("background-image:image-set(\"x.png\" 1x)")]
    [InlineData("content:'x'")]
    [InlineData("color:\\72 ed")]
    [InlineData("b/**/ackground:u/**/rl(x)")]
    [InlineData("width:expression(alert(1))")]
    [InlineData("color:<b>")]
    public void AValueThatCouldHoldAUrlIsNeverRemembered(string style)
    {
        Assert.False(StyleVerdicts.IsContextFree(style));
        var replaying = new BodySanitizer();
        replaying.Sanitize($"<p style=\"{style.Replace("\"", "&quot;", StringComparison.Ordinal)}\">x</p>", Base);
        Assert.False(replaying.StyleVerdicts!.TryRecall(style, out _));
    }

    [Theory]
    [InlineData("text-align: center;")]
    [InlineData("color:#333;font-size:14px;line-height:1.5")]
    [InlineData("margin: 0 auto !important")]
    public void APlainValueIsContextFree(string style) => Assert.True(StyleVerdicts.IsContextFree(style));
}
