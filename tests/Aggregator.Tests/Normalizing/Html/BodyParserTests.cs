using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Aggregator.Normalizing.Html;
using Ganss.Xss;

namespace Aggregator.Tests.Normalizing.Html;

/// <summary>
/// The quiet parser (<see cref="BodyParser"/>) only skips work nobody reads: every body sanitizes to
/// exactly what HtmlSanitizer's stock parser gives — HTML, text and first image.
/// </summary>
public sealed class BodyParserTests
{
    private static readonly BodySanitizer Quiet = new();
    private static readonly BodySanitizer Stock = new(() => HtmlSanitizer.DefaultHtmlParserFactory());
    private static readonly Uri Base = new("https://news.example.cn/a/1.html");

    public static TheoryData<string> StyledBodies() =>
    [
        "<p style=\"text-align: center;\"><img src=\"/a.jpg\" alt=\"\" /></p><p style=\"text-align:center\">x</p>",
        "<p style=\"color:red;position:absolute;top:0\">moved</p>",
        "<div style=\"background:url(javascript:alert(1)); margin: 10px\">bg</div>",
        "<div style=\"width: expression(alert(1))\">ie</div>",
        "<span style=\"font: bold 12px/1.5 Arial, sans-serif; COLOR: #333\">font</span>",
        "<p style=\"margin:0 auto;padding:0\u00A0;border:1px solid\">shorthands</p>",
        "<p style=\"\">empty</p><p style=\";;\">semicolons</p><p style=\"color\">no value</p>",
        "<p style=\"--x: 1; color: var(--x)\">custom</p>",
        "<p style=\"text-align: left !important; -webkit-text-size-adjust: 100%\">vendor</p>",
        "<img src=\"a.png\" srcset=\"a.png 1x, javascript:alert(1) 2x\" sizes=\"100vw\" style=\"width:100%\">",
        "<picture><source srcset=\"b.webp\" type=\"image/webp\"><img src=\"b.jpg\" crossorigin=\"anonymous\"></picture>",
        "<svg><rect style=\"fill:red\"/></svg><math style=\"color:red\"><mi>x</mi></math>",
        "<table style=\"border-collapse:collapse\"><tr><td style=\"padding:2px\" class=\"c\">1</td></tr></table>",
        "<p class=\"a b\" style=\"color:blue\" onclick=\"x()\">events</p><a href=\"/x\" target=\"_blank\" style=\"color:#00f\">link</a>",
        "<img data-src=\"/lazy.jpg\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" style=\"display:block\">",
        "<div style=\"background-image: url('/bg.png')\">relative css url</div>",
        "<style>p{color:red}</style><p style=\"color:green\">sheet</p>",
        "<noscript><p style=\"color:red\">noscript</p></noscript><template><p style=\"x:y\">t</p></template>",
    ];

    [Theory]
    [MemberData(nameof(StyledBodies))]
    public void StyledBodiesSanitizeAsWithTheStockParser(string html) =>
        Assert.Equal(Stock.Sanitize(html, Base), Quiet.Sanitize(html, Base));

    [Theory]
    [MemberData(nameof(XssVectorTests.Vectors), MemberType = typeof(XssVectorTests))]
    public void XssVectorsSanitizeAsWithTheStockParser(string html) =>
        Assert.Equal(Stock.Sanitize(html, Base), Quiet.Sanitize(html, Base));

    [Fact]
    public void AStyleIsParsedWhenAskedForAndKeptCurrentAfterwards()
    {
        using var document = BodyParser.Shared.ParseDocument("<p style=\"text-align: left\">x</p>");
        var paragraph = document.QuerySelector("p")!;

        Assert.Equal("left", paragraph.GetStyle().GetPropertyValue("text-align"));
        paragraph.SetAttribute("style", "text-align: right");
        Assert.Equal("right", paragraph.GetStyle().GetPropertyValue("text-align"));
        paragraph.RemoveAttribute("style");
        Assert.Equal(0, paragraph.GetStyle().Length);
    }

    [Fact]
    public void AStyleChangedBeforeAnyoneAskedIsReadAsItIsThen()
    {
        using var document = BodyParser.Shared.ParseDocument("<p style=\"text-align: left\">x</p>");
        var paragraph = document.QuerySelector("p")!;

        paragraph.SetAttribute("style", "text-align: center");

        Assert.Equal("center", paragraph.GetStyle().GetPropertyValue("text-align"));
    }

    [Fact]
    public void TheQuietStyleObserverFindsAngleSharpCssDeclarations() =>
        Assert.True(LazyStyleObserver.IsAvailable, "AngleSharp.Css moved its declaration table: BodyParser fell back to the eager observer (same output, slower).");
}
