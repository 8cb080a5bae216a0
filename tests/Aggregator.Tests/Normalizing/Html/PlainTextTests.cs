using AngleSharp.Html.Dom;
using Aggregator.Normalizing.Html;

namespace Aggregator.Tests.Normalizing.Html;

/// <summary>PlainText reuses its builder and stack on each thread: nothing of one body may reach the next.</summary>
public sealed class PlainTextTests
{
    private static IHtmlDocument Parse(string html) => BodyParser.Shared.ParseDocument(("<!doctype html><html><body>" + html).AsMemory());

    [Fact]
    public void AShortBodyAfterALongOneHasOnlyItsOwnText()
    {
        using var longer = Parse(string.Concat(Enumerable.Repeat("<p>lorem ipsum <b>dolor</b></p>", 500)));
        using var shorter = Parse("<p>short</p><p>text</p>");

        var first = PlainText.Of(longer.Body!);
        var second = PlainText.Of(shorter.Body!);

        Assert.StartsWith("lorem ipsum dolor lorem", first, StringComparison.Ordinal);
        Assert.Equal("short text", second);
    }

    [Fact]
    public void ABodyTooLongToKeepTheBuilderForStillComesOutWholeAndTheNextIsClean()
    {
        var words = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<span>w{i} </span>"));
        using var huge = Parse("<div>" + words + "</div>");
        using var small = Parse("<p>after</p>");

        var text = PlainText.Of(huge.Body!);

        Assert.Equal(20_000, text.Split(' ').Length);
        Assert.EndsWith("w19999", text, StringComparison.Ordinal);
        Assert.Equal("after", PlainText.Of(small.Body!));
    }

    [Fact]
    public void TextTakenInsideTheVisitOfAnotherWalkDoesNotDisturbIt()
    {
        using var outer = Parse("<p>one <i>two</i></p><p>three</p>");
        using var inner = Parse("<p>inner words</p>");
        var seenInside = new List<string>();

        var text = PlainText.Of(outer.Body!, element =>
        {
            seenInside.Add(PlainText.Of(inner.Body!));
            return true;
        });

        Assert.Equal("one two three", text);
        Assert.All(seenInside, inside => Assert.Equal("inner words", inside));
        Assert.Equal(3, seenInside.Count);
    }

    [Fact]
    public void ADroppedElementLeavesNoTextBehind()
    {
        using var document = Parse("<p>keep <img src=\"x\"> this</p><p>and this</p>");

        var text = PlainText.Of(document.Body!, element => element.LocalName != "img");

        Assert.Equal("keep this and this", text);
        Assert.Null(document.QuerySelector("img"));
    }
}
