using AngleSharp.Html.Dom;
using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

public sealed class BodyPreparationTests
{
    private static IHtmlDocument Parse(string html) => BodyParser.Shared.ParseDocument(("<!doctype html><html><body>" + html).AsMemory());

    [Fact]
    public void CodeFramesAndDrawingsGoWithEverythingInside()
    {
        using var document = Parse("<p>a<script>x()</script></p><noscript><p>n</p></noscript><svg><title>t</title></svg><iframe src=\"f\"></iframe><p>b</p>");

        BodyPreparation.Prepare(document.Body!);

        Assert.Equal("<p>a</p><p>b</p>", document.Body!.InnerHtml);
    }

    [Fact]
    public void AParamGoesOnlyWhenItsParentIsAnObject()
    {
        using var document = Parse("<object><param name=\"movie\" value=\"m.swf\">fallback</object><div><param name=\"kept\"></div>");

        BodyPreparation.Prepare(document.Body!);

        Assert.Equal("<object>fallback</object><div><param name=\"kept\"></div>", document.Body!.InnerHtml);
    }

    [Fact]
    public void LazyImagesGetTheirRealSourceAndStylesAreNotedInDocumentOrder()
    {
        using var document = Parse("<p style=\"text-align:center\"><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/real.jpg\"></p><div><span style=\"color: red\">s</span></div><style>p{}</style>");

        var styles = BodyPreparation.Prepare(document.Body!);

        Assert.Equal("/real.jpg", document.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(["text-align:center", "color: red"], styles.Select(s => s.Style));
        Assert.Equal(["p", "span"], styles.Select(s => s.Element.LocalName));
    }

    [Fact]
    public void DeepNestingDoesNotOverflowTheStack()
    {
        using var document = Parse(string.Concat(Enumerable.Repeat("<div>", 900)) + "<script>x</script>deep");

        BodyPreparation.Prepare(document.Body!);

        Assert.DoesNotContain("script", document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("deep", document.Body!.TextContent, StringComparison.Ordinal);
    }
}
