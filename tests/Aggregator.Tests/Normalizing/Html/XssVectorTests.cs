using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

/// <summary>OWASP's filter-evasion cheat sheet (and a few mutation-XSS classics) in entry bodies: nothing executable survives.</summary>
public sealed class XssVectorTests
{
    private static readonly BodySanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://news.example.cn/a/1.html");

    private static readonly string[] ForbiddenElements =
        ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "textarea",
         "select", "meta", "base", "link", "svg", "math", "bgsound", "isindex", "xss", "noscript", "template"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "poster", "background", "lowsrc", "dynsrc", "data", "xlink:href", "srcset"];

    public static TheoryData<string> Vectors() =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe src=http://xss.rocks/scriptlet.html <",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
        "<div style=\"width: expression(alert('XSS'));\">x</div>",
        "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>",
        "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029'\\0029\">x</DIV>",
        "<xss style=\"behavior: url(xss.htc);\">x</xss>",
        "<body onload=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1);\">",
        "<base href=\"javascript:alert(1)//\">",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math href=\"javascript:alert(1)\">CLICK</math>",
        "<BGSOUND SRC=\"javascript:alert('XSS');\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><tr><td>x</td></tr></TABLE>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
        "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS')\"",
        "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<details open ontoggle=alert(1)>x</details>",
        "<video poster=javascript:alert(1)></video>",
        "<img srcset=\"x.jpg 1x, javascript:alert(1) 2x\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<isindex action=javascript:alert(1) type=image>",
        "<input onfocus=alert(1) autofocus>",
        "<a href=\"#\" onmouseover=\"alert(1)\">x</a>",
        "<div style=\"position:fixed;top:0;left:0\">overlay</div>",
        "<img src=x:alert(alt) onerror=eval(src) alt=0>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    ];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void NothingExecutableSurvives(string vector)
    {
        var html = Sanitizer.Sanitize("<p>before</p>" + vector + "<p>after</p>", Base).Html;

        // The harmless part of the body is still there: the sanitizer cleaned, it did not blank.
        Assert.StartsWith("<p>before</p>", html, StringComparison.Ordinal);
        var lowered = html.ToLowerInvariant();
        foreach (var marker in (string[])["javascript", "vbscript", "expression(", "data:text", "alert(", "behavior", "position"])
        {
            // The text "alert(1)" may survive as harmless text, but never inside a tag.
            if (marker == "alert(")
                continue;
            Assert.DoesNotContain(marker, lowered);
        }

        using var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} kept in {html}");
                Assert.DoesNotContain("alert(", attribute.Value, StringComparison.OrdinalIgnoreCase);
                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()))
                    AssertSafeUrl(element, attribute, html);
            }
        }
    }

    [Fact]
    public void AnInlineRasterImageIsKeptOnAnImage()
    {
        const string png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        var html = Sanitizer.Sanitize($"<img src=\"{png}\" alt=\"dot\">", Base).Html;
        Assert.Contains(png, html);
    }

    [Fact]
    public void ADataUrlIsDroppedFromALinkEvenWhenItIsAnImage()
    {
        var html = Sanitizer.Sanitize("<a href=\"data:image/png;base64,AAAA\">x</a>", Base).Html;
        Assert.DoesNotContain("data:", html);
    }

    private static void AssertSafeUrl(IElement element, IAttr attribute, string html)
    {
        var value = new string(attribute.Value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        var safe = value.StartsWith("http:", StringComparison.Ordinal) || value.StartsWith("https:", StringComparison.Ordinal)
            || value.StartsWith("mailto:", StringComparison.Ordinal)
            || (element.LocalName == "img" && attribute.Name == "src" && value.StartsWith("data:image/png", StringComparison.Ordinal));
        Assert.True(safe, $"{element.LocalName} {attribute.Name}=\"{attribute.Value}\" kept in {html}");
    }
}
