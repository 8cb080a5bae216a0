using System.Text;
using Aggregator.Model;
using Aggregator.Normalizing.Identity;
using Aggregator.Parsing;

namespace Aggregator.Tests.Drills;

/// <summary>Inputs the fuzz drill found crashing, kept as regressions.</summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void AFeedDeclaringUtf7IsReadAsSomethingElseOrRefusedCleanly()
    {
        var bytes = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"utf-7\"?><rss version=\"2.0\"><channel><title>t</title><item><title>x</title></item></channel></rss>");

        var exception = Record.Exception(() => new FeedParser().Parse(new FeedPayload(bytes, "text/xml; charset=utf-7", new Uri("http://127.0.0.1/f.xml"))));

        Assert.True(exception is null or FeedParseException, exception?.ToString());
    }

    [Fact]
    public void ATitleWithALoneSurrogateStillGetsATitleKey()
    {
        var key = StoryIdentity.TitleKey("Ｂad\uD800 title 全角", null);

        Assert.Contains("title", key, StringComparison.Ordinal);
    }
}
