using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

public sealed class BodySanitizerTests
{
    private static readonly BodySanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://news.stcn.com/news/202105/t1.html");

    [Fact]
    public void AStyleTheSanitizerKeptWholeKeepsTheAuthorsSpelling()
    {
        Assert.Equal("<p style=\"text-align:center\">a</p><p style=\"text-align: left;\">b</p>",
            Sanitizer.Sanitize("<p style=\"text-align:center\">a</p><p style=\"text-align: left;\">b</p>", Base).Html);
    }

    [Fact]
    public void AStyleTheSanitizerChangedIsWrittenAsTheSanitizerWroteIt()
    {
        Assert.Equal("<p style=\"top: 0\">a</p>", Sanitizer.Sanitize("<p style=\"position:fixed;top:0\">a</p>", Base).Html);
    }

    [Fact]
    public void EmptyAttributesAreBareAndNoBreakSpacesStayCharacters()
    {
        Assert.Equal("<p><img data-galleryid src=\"https://news.stcn.com/a.jpg\">\u00A0x &amp;nbsp;</p>",
            Sanitizer.Sanitize("<p><img data-galleryid src=\"/a.jpg\">&nbsp;x &amp;nbsp;</p>", Base).Html);
    }

    [Fact]
    public void PlainTextKeepsBlocksApartAndInlineTextTogether()
    {
        var body = Sanitizer.Sanitize("<h2>Title</h2><p>one <b>bo</b>ld</p><ul><li>a</li><li>b</li></ul>line<br>break", Base);
        Assert.Equal("Title one bold a b line break", body.PlainText);
    }

    [Fact]
    public void TheFirstImageIsAbsoluteAndSkipsPixels()
    {
        var body = Sanitizer.Sanitize("<img src=\"p.gif\" width=\"1\"><img src=\"../b.jpg\"><img src=\"c.jpg\">", Base);
        Assert.Equal("https://news.stcn.com/news/b.jpg", body.FirstImage);
    }

    [Fact]
    public void LazyLoadedImagesShowTheirRealSource()
    {
        var body = Sanitizer.Sanitize("<img data-src=\"https://mmbiz.qpic.cn/a.jpg\" data-type=\"jpeg\"><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-original=\"/b.jpg\"><img data-src=\"javascript:alert(1)\">", Base);
        Assert.Equal("<img data-src=\"https://mmbiz.qpic.cn/a.jpg\" data-type=\"jpeg\" src=\"https://mmbiz.qpic.cn/a.jpg\">"
            + "<img src=\"https://news.stcn.com/b.jpg\" data-original=\"/b.jpg\">", body.Html);
        Assert.Equal("https://mmbiz.qpic.cn/a.jpg", body.FirstImage);
    }

    [Fact]
    public void AnEmptyBodyIsEmpty()
    {
        Assert.Same(SanitizedBody.Empty, Sanitizer.Sanitize("  ", Base));
    }
}
