using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

/// <summary>A tag the policy does not allow loses its tag, not its words; code and frames go whole.</summary>
public sealed class BodySanitizerUnknownTagTests
{
    private static readonly BodySanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://news.example.com/a.html");

    [Fact]
    public void AnUnknownElementKeepsItsText()
    {
        Assert.Equal("safe description", Sanitizer.Sanitize("<blink>safe</blink> description", Base).Html);
    }

    [Fact]
    public void AnObjectsFallbackContentIsKept()
    {
        Assert.Equal("safe <b>description</b>", Sanitizer.Sanitize("safe<object classid=\"clsid:1\"> <b>description</b></object>", Base).Html);
    }

    [Fact]
    public void ScriptStyleAndFrameContentLeaveNoText()
    {
        var body = Sanitizer.Sanitize("<p>a</p><script>var x = 1;</script><style>p{}</style><iframe src=\"https://evil.test/\">frame</iframe><noscript><img src=\"https://t.test/p.gif\"></noscript><p>b</p>", Base);
        Assert.Equal("<p>a</p><p>b</p>", body.Html);
    }
}
