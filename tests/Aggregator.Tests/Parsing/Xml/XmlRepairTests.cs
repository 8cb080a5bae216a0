using Aggregator.Parsing.Xml;

namespace Aggregator.Tests.Parsing.Xml;

public sealed class XmlRepairTests
{
    [Fact]
    public void ADocumentThatNeedsNothingIsReturnedWithoutCopying()
    {
        var text = "<rss><channel><title>Fine &amp; dandy &#160; &lt;b&gt;</title></channel></rss>";

        Assert.Same(text, XmlRepair.Repair(text));
    }

    [Fact]
    public void HtmlNamedEntitiesBecomeNumericReferences()
    {
        var repaired = XmlRepair.Repair("<t>a&nbsp;b &copy; &hellip; &rarr; &eacute;</t>");

        Assert.Equal("<t>a&#160;b &#169; &#8230; &#8594; &#233;</t>", repaired);
    }

    [Fact]
    public void BareAmpersandsAndUnknownEntitiesAreEscaped()
    {
        var repaired = XmlRepair.Repair("<link>http://x/?a=1&b=2&c</link><t>AT&T &bogus;</t>");

        Assert.Equal("<link>http://x/?a=1&amp;b=2&amp;c</link><t>AT&amp;T &amp;bogus;</t>", repaired);
    }

    [Fact]
    public void CdataSectionsAndCommentsAreLeftAlone()
    {
        var text = "<t><![CDATA[a&nbsp;b & c]]></t><!-- &x; & --><u>&nbsp;</u>";

        Assert.Equal("<t><![CDATA[a&nbsp;b & c]]></t><!-- &x; & --><u>&#160;</u>", XmlRepair.Repair(text));
    }

    [Fact]
    public void ControlCharactersAreRemovedAndC1CharactersReadAsWindows1252()
    {
        Assert.Equal("<t>ab don\u2019t</t>", XmlRepair.Repair("<t>a\u0001\u000Bb don\u0092t</t>"));
    }

    [Fact]
    public void TheDoctypeIsCutOutKeepingOnlyPlainTextEntities()
    {
        var text = """
            <!DOCTYPE rss [
              <!ENTITY site "tag:example.com,">
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
              <!ENTITY lol "&site;&site;">
            ]>
            <rss><guid>&site;1</guid><a>&xxe;</a><b>&lol;</b></rss>
            """;

        var repaired = XmlRepair.Repair(text);

        Assert.DoesNotContain("DOCTYPE", repaired, StringComparison.Ordinal);
        Assert.Contains("&#116;&#97;&#103;", repaired, StringComparison.Ordinal); // "tag" of the plain entity
        Assert.Contains("<a>&amp;xxe;</a>", repaired, StringComparison.Ordinal);
        Assert.Contains("<b>&amp;lol;</b>", repaired, StringComparison.Ordinal);
    }

    [Fact]
    public void AnXmlDeclarationAfterACommentIsDropped()
    {
        Assert.Equal("<!-- c -->\n<rss/>", XmlRepair.Repair("<!-- c -->\n<?xml version=\"1.0\"?><rss/>"));
    }

    [Theory]
    [InlineData("<t>plain &amp; &#160; &#x4e2d;</t>", false)]
    [InlineData("<t>don&#146;t</t>", true)]
    [InlineData("<t>&#X41;</t>", true)]
    [InlineData("<t>&#1;</t>", true)]
    [InlineData("<t>don\u0092t</t>", true)]
    [InlineData("<t>a#b c\u00a0d &#</t>", false)]
    [InlineData("<a href=\"x#y\">#&#146;</a>", true)]
    [InlineData("<t>#&#x9F;</t>", true)]
    [InlineData("<t>&#x4e2d;\u00b7\u0085</t>", true)]
    public void TheRepairSnifferSendsOnlyDocumentsWithHiddenProblemsToTheRepairPass(string document, bool needsRepair)
    {
        Assert.Equal(needsRepair, RepairSniffer.NeedsRepair(System.Text.Encoding.UTF8.GetBytes(document)));
    }
}
