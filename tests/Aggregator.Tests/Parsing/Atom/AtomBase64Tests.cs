using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing.Atom;

/// <summary>Base64 text constructs (Atom 0.3 mode="base64", Atom 1.0 a non-text, non-XML media type) come out decoded.</summary>
public sealed class AtomBase64Tests
{
    [Fact]
    public void Atom10ContentWithABinaryMediaTypeIsDecodedAsMarkup()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="application/octet-stream">
              RXhhbXBsZSA8Yj5BdG9tPC9iPg==
            </content></entry></feed>
            """);
        Assert.Equal("Example <b>Atom</b>", feed.Entries[0].Content);
    }

    [Fact]
    public void Atom03SummaryInBase64ModeIsDecodedAsMarkup()
    {
        var feed = ParsingDocuments.Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><summary mode="base64">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</summary></entry></feed>
            """);
        Assert.Equal("Example <b>Atom</b>", feed.Entries[0].Summary);
    }

    [Fact]
    public void Atom10ContentOfATextMediaTypeIsNotDecoded()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="text/plain">RXhhbXBsZQ==</content></entry></feed>
            """);
        Assert.Equal("RXhhbXBsZQ==", feed.Entries[0].Content);
    }
}
