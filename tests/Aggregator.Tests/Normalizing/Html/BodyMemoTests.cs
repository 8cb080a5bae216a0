using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

/// <summary>A memoizing sanitizer gives exactly what the plain one gives, and sanitizes a repeated body once.</summary>
public sealed class BodyMemoTests
{
    private static readonly Uri Base = new("https://news.example.cn/a/1.html");
    private static readonly Uri OtherBase = new("https://other.example.com/b/2.html");

    [Theory]
    [MemberData(nameof(XssVectorTests.Vectors), MemberType = typeof(XssVectorTests))]
    public void XssVectorsSanitizeAsWithoutTheMemo(string vector)
    {
        var memoizing = new BodySanitizer(memoCapacity: 10);
        var plain = new BodySanitizer();
        var html = "<p>before</p>" + vector + "<p style=\"text-align:center\"><img src=\"/a.jpg\"></p>";

        Assert.Equal(plain.Sanitize(html, Base), memoizing.Sanitize(html, Base));
        Assert.Equal(plain.Sanitize(html, Base), memoizing.Sanitize(html, Base));
    }

    [Fact]
    public void ARepeatedBodyWithTheSameBaseIsSanitizedOnce()
    {
        var memoizing = new BodySanitizer(memoCapacity: 10);
        var first = memoizing.Sanitize("<p>same <img src=\"/a.jpg\"></p>", Base);

        Assert.Same(first, memoizing.Sanitize("<p>same <img src=\"/a.jpg\"></p>", Base));
    }

    [Fact]
    public void TheSameBodyUnderAnotherBaseResolvesItsLinksAgainstThatBase()
    {
        var memoizing = new BodySanitizer(memoCapacity: 10);
        memoizing.Sanitize("<p><a href=\"x.html\">x</a></p>", Base);

        Assert.Equal("<p><a href=\"https://other.example.com/b/x.html\">x</a></p>", memoizing.Sanitize("<p><a href=\"x.html\">x</a></p>", OtherBase).Html);
        Assert.Equal("<p><a href=\"x.html\">x</a></p>", memoizing.Sanitize("<p><a href=\"x.html\">x</a></p>", null).Html);
    }

    [Fact]
    public void BodiesThatDifferInOneCharacterAreKeptApart()
    {
        var memoizing = new BodySanitizer(memoCapacity: 10);

        Assert.Equal("<p>a</p>", memoizing.Sanitize("<p>a</p>", Base).Html);
        Assert.Equal("<p>b</p>", memoizing.Sanitize("<p>b</p>", Base).Html);
        Assert.Equal("<p>a</p>", memoizing.Sanitize("<p>a</p>", Base).Html);
    }

    [Fact]
    public void AFullMemoRemembersNoMoreButStillSanitizes()
    {
        var memo = new BodyMemo(capacity: 2);
        var memoizing = new BodySanitizer(() => BodyParser.Shared, memo);
        foreach (var text in new[] { "a", "b", "c", "d" })
            Assert.Equal($"<p>{text}</p>", memoizing.Sanitize($"<p>{text}</p>", Base).Html);

        Assert.Equal(2, memo.Count);
        Assert.NotSame(memoizing.Sanitize("<p>c</p>", Base), memoizing.Sanitize("<p>c</p>", Base));
    }
}
