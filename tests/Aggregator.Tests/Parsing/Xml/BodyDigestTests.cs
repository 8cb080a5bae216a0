using System.IO.Hashing;
using System.Runtime.InteropServices;
using Aggregator.Parsing.Xml;

namespace Aggregator.Tests.Parsing.Xml;

/// <summary>
/// A body's token goes into the content hash stored with every article scanned: its text may not
/// change, or every stored article would look changed on the next poll.
/// </summary>
public sealed class BodyDigestTests
{
    [Theory]
    [InlineData("")]
    [InlineData("<p>宁德时代晚间发布业绩预告 &amp; more</p>")]
    public void ATokenIsThePrefixThenTheXxHash128OfTheUtf16TextInLowerCaseHex(string body)
    {
        var expected = BodyDigest.Prefix + Convert.ToHexStringLower(XxHash128.Hash(MemoryMarshal.AsBytes(body.AsSpan())));

        Assert.Equal(expected, BodyDigest.Of(body));
    }

    [Fact]
    public void TextFedInPiecesGivesTheTokenOfTheWhole()
    {
        var body = string.Concat(Enumerable.Repeat("沪指涨1%，深成指涨2%。", 500));
        var whole = BodyDigest.Of(body); // first: the digest is the thread's one, Start resets it
        var digest = BodyDigest.Start();
        for (var at = 0; at < body.Length; at += 777)
            digest.Append(body.AsSpan(at, Math.Min(777, body.Length - at)));

        Assert.Equal(whole, digest.Finish());
        Assert.Equal(BodyDigest.Of("x"), BodyDigest.Of("x")); // the digest was reset by Finish
    }
}
