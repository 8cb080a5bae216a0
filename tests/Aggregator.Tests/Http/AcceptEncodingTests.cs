using Aggregator.Http;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Tests.Http;

public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData(null, "identity")]
    [InlineData("", "identity")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("GZIP", "gzip")]
    [InlineData("x-gzip", "gzip")]
    [InlineData("br;q=0.2, gzip;q=0.8", "gzip")]
    [InlineData("br;q=0.8, gzip;q=0.8", "br")]
    [InlineData("identity;q=1, gzip;q=0.5", "identity")]
    [InlineData("br;q=0", "identity")]
    [InlineData("*;q=0", "identity")]
    [InlineData("*, br;q=0", "gzip")]
    [InlineData("gzip ; q=0.5 ,  br ; q=0.4", "gzip")]
    [InlineData("br;q=1.5", "identity")]
    [InlineData("br;level=5", "identity")]
    [InlineData("br;q=NaN, gzip;q=Infinity", "identity")]
    public void TheAcceptableCodingWithTheHighestQualityWins(string? header, string expected)
    {
        var chosen = AcceptEncoding.Choose(header is null ? StringValues.Empty : new StringValues(header));
        Assert.Equal(expected, chosen switch { ContentCoding.Brotli => "br", ContentCoding.Gzip => "gzip", _ => "identity" });
    }

    [Fact]
    public void SeveralHeaderLinesAreReadTogether()
    {
        Assert.Equal(ContentCoding.Gzip, AcceptEncoding.Choose(new StringValues(["br;q=0", "gzip"])));
    }
}
