using System.Text;
using Aggregator.Model;
using Aggregator.Parsing;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Parsing;

/// <summary>The tolerance the parse stage promises for real-world feeds.</summary>
public sealed class FeedParserTests
{
    [Fact]
    public void HtmlNamedEntitiesInXmlDecode()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("<item><title>A&nbsp;B &copy; 2021 &mdash; &hellip; &euro;</title></item>"));

        Assert.Equal("A\u00A0B © 2021 — … €", feed.Entries[0].Title);
    }

    [Fact]
    public void BareAmpersandsInTextAndLinksAreKept()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("<item><title>AT&T & friends</title><link>https://x.example.com/?a=1&b=2</link></item>"));

        Assert.Equal("AT&T & friends", feed.Entries[0].Title);
        Assert.Equal("https://x.example.com/?a=1&b=2", feed.Entries[0].Link);
    }

    [Fact]
    public void StrayControlCharactersAreDropped()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("<item><title>Bad\u0001 \u001Fbytes</title></item>"));

        Assert.Equal("Bad bytes", feed.Entries[0].Title);
    }

    [Fact]
    public void ATruncatedDocumentYieldsTheEntriesCompletedBeforeTheBreakWithAWarning()
    {
        var whole = ParsingDocuments.Rss("<item><title>one</title></item><item><title>two</title></item><item><title>three</title><description>cut");
        var truncated = whole[..(whole.IndexOf("cut", StringComparison.Ordinal) + 3)];

        var feed = ParsingDocuments.Parse(truncated);

        Assert.Equal(["one", "two"], feed.Entries.Select(e => e.Title));
        Assert.Contains(feed.Warnings, w => w.StartsWith("parse: the document is malformed or breaks off", StringComparison.Ordinal));
    }

    [Fact]
    public void HtmlIsNotAFeed()
    {
        var error = Assert.Throws<FeedParseException>(() => ParsingDocuments.Parse("<html><head><title>x</title></head><body>hi</body></html>"));

        Assert.Equal("parse: the document is XML but not an RSS or Atom feed (its root element is <html>).", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("this is not xml at all")]
    [InlineData("<rss><channel><item><title>x")]
    public void DocumentsWithNothingUsableFailWithAReadableParseError(string document)
    {
        var error = Assert.Throws<FeedParseException>(() => ParsingDocuments.Parse(document));

        Assert.StartsWith("parse: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnXhtmlDoctypeWithEntitiesDoesNotStopTheParse()
    {
        var feed = ParsingDocuments.Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Caf&eacute;</title><item><title>x&nbsp;y</title></item></channel></rss>
            """);

        Assert.Equal("Café", feed.Title);
        Assert.Equal("x\u00A0y", feed.Entries[0].Title);
    }

    [Fact]
    public void ACharsetFromTheHeaderDecodesTheWholeDocument()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(ParsingDocuments.Rss("<item><title>沪深两市成交额突破万亿</title></item>"));

        var feed = ParsingDocuments.Parse(bytes, "application/rss+xml; charset=gb2312");

        Assert.Equal("沪深两市成交额突破万亿", feed.Entries[0].Title);
    }

    [Fact]
    public void Windows1252CodePointsReadAsTheCharactersTheyMeant()
    {
        var feed = ParsingDocuments.Parse(ParsingDocuments.Rss("<item><title>don&#146;t</title><description>don\u0092t</description></item>"));

        Assert.Equal("don\u2019t", feed.Entries[0].Title);
        Assert.Equal("don\u2019t", feed.Entries[0].Summary);
    }

    [Fact]
    public void APlainEntityDeclaredInTheDoctypeExpands()
    {
        var feed = ParsingDocuments.Parse("""
            <!DOCTYPE rss [ <!ENTITY id "tag:example.com,"> ]>
            <rss version="2.0"><channel><item><guid isPermaLink="false">&id;2006:/blog/</guid></item></channel></rss>
            """);

        Assert.Equal("tag:example.com,2006:/blog/", feed.Entries[0].Id);
    }

    [Fact]
    public void ABodyInAnotherCharsetThanTheGuessFallsBackToTheFullDecode()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("<?xml version=\"1.0\"?><rss><channel><title>Café</title></channel></rss>");

        var feed = ParsingDocuments.Parse(bytes, "application/xml");

        Assert.Equal("Café", feed.Title);
    }

    [Fact]
    public void AddParsingRegistersOneSharedFeedParser()
    {
        using var provider = new ServiceCollection().AddParsing().BuildServiceProvider();

        var parser = provider.GetRequiredService<IFeedParser>();

        Assert.IsType<FeedParser>(parser);
        Assert.Same(parser, provider.GetRequiredService<IFeedParser>());
    }
}
