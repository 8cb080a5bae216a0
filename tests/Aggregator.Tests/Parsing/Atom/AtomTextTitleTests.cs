using Aggregator.Normalizing.Html;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing.Atom;

/// <summary>An Atom title declared text is text, even when it holds something that looks like a tag.</summary>
public sealed class AtomTextTitleTests
{
    [Fact]
    public void ATextTitleWithAngleBracketsKeepsItsWordsThroughNormalizing()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">History of the &lt;blink&gt; tag</title></entry></feed>
            """);
        var entry = feed.Entries[0];
        Assert.Equal("History of the <blink> tag", TitleText.From(entry.Title, entry.TitleIsHtml));
    }

    [Fact]
    public void UndeclaredInlineMarkupInAnAtom03TitleIsStillStripped()
    {
        var feed = ParsingDocuments.Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>Example <b>Atom</b></title></entry></feed>
            """);
        var entry = feed.Entries[0];
        Assert.Equal("Example Atom", TitleText.From(entry.Title, entry.TitleIsHtml));
    }

    [Fact]
    public void AnHtmlTitleIsStillReadAsHtml()
    {
        var feed = ParsingDocuments.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title></entry></feed>
            """);
        var entry = feed.Entries[0];
        Assert.Equal("Example Atom", TitleText.From(entry.Title, entry.TitleIsHtml));
    }

    [Fact]
    public void AnUndeclaredSummaryWithInlineElementsIsMarkup()
    {
        var feed = ParsingDocuments.Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><summary>Example <b>Atom</b></summary></entry>
            <entry><summary>1 &lt; 2</summary></entry></feed>
            """);
        Assert.Equal("Example <b>Atom</b>", feed.Entries[0].Summary);
        Assert.Equal("1 &lt; 2", feed.Entries[1].Summary);
    }
}
