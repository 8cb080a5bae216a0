using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

public sealed class NestingGuardTests
{
    [Fact]
    public void ABodyNestedTenThousandDeepKeepsOnlyItsTextEncoded()
    {
        var html = string.Concat(Enumerable.Repeat("<div><b>", 5000)) + "deep &amp; <script>alert(1)</script>" + string.Concat(Enumerable.Repeat("</b></div>", 5000));

        var body = new BodySanitizer().Sanitize(html, null);

        Assert.DoesNotContain("<div", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body.Html, StringComparison.Ordinal);
        Assert.Contains("deep", body.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryMarkupWithManyVoidElementsIsNotTooDeep()
    {
        var html = "<div>" + string.Concat(Enumerable.Repeat("line<br>", 5000)) + "<img src=\"a.png\"><hr/></div>";

        Assert.False(NestingGuard.IsTooDeep(html));
    }
}
