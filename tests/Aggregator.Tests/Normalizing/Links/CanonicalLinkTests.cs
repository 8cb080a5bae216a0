using Aggregator.Normalizing.Links;

namespace Aggregator.Tests.Normalizing.Links;

public sealed class CanonicalLinkTests
{
    private static readonly Uri Feed = new("https://www.stcn.com/rss/yw.xml");

    [Theory]
    [InlineData("HTTPS://News.STCN.com:443/a/1.html#top", "https://news.stcn.com/a/1.html")]
    [InlineData("http://news.stcn.com:80/a/1.html", "http://news.stcn.com/a/1.html")]
    [InlineData("http://news.stcn.com:8080/a/1.html", "http://news.stcn.com:8080/a/1.html")]
    [InlineData("https://www.cs.com/a/1.html?utm_source=rss&utm_medium=feed&utm_campaign=daily", "https://www.cs.com/a/1.html")]
    [InlineData("https://www.cs.com/a/1.html?id=7&spm=a2c4g.11186623&page=2&fbclid=IwAR0&gclid=x", "https://www.cs.com/a/1.html?id=7&page=2")]
    [InlineData("https://www.cs.com/a?from=timeline&share_token=abc&mc_cid=1&mc_eid=2&yclid=3&b=1", "https://www.cs.com/a?b=1")]
    [InlineData("https://例子.测试/新闻/1.html", "https://xn--fsqu00a.xn--0zwm56d/%E6%96%B0%E9%97%BB/1.html")]
    public void LinksAreCanonical(string link, string expected)
    {
        Assert.Equal(expected, CanonicalLink.Normalize(link, Feed));
    }

    [Fact]
    public void RelativeLinksResolveAgainstTheFeedLocation()
    {
        Assert.Equal("https://www.stcn.com/article/9.html", CanonicalLink.Normalize("/article/9.html", Feed));
        Assert.Equal("https://www.stcn.com/rss/9.html", CanonicalLink.Normalize("9.html", Feed));
        Assert.Equal("https://cdn.stcn.com/9.html", CanonicalLink.Normalize("//cdn.stcn.com/9.html", Feed));
    }

    [Fact]
    public void OtherParametersKeepTheirOrder()
    {
        Assert.Equal("https://a.cn/x?z=1&a=2&m=3", CanonicalLink.Normalize("https://a.cn/x?z=1&utm_term=q&a=2&m=3", null));
    }

    [Fact]
    public void ANonHttpUriIsKeptAndAnEmptyOneIsNull()
    {
        Assert.Equal("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", CanonicalLink.Normalize(" urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a ", Feed));
        Assert.Null(CanonicalLink.Normalize("  ", Feed));
    }
}
