using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Normalizing.Identity;

/// <summary>The searched <see cref="SpanText.LastIndexOfLower"/> finds the very position a comparison at every position finds.</summary>
public sealed class SpanTextTests
{
    private static readonly string[] Names = ["责任编辑", "编辑:", "--with assistance from", "—with assistance from", "to contact the reporter", "(reporting by", "t", "ab"];

    [Theory]
    [InlineData("本报讯 正文。责任编辑：张三", "责任编辑", 7)]
    [InlineData("Stocks rose. To Contact The Reporter: x. to contact the reporter: y", "to contact the reporter", 41)]
    [InlineData("(Reporting by A; (REPORTING BY B)", "(reporting by", 17)]
    [InlineData("编辑", "编辑:", -1)]
    [InlineData("", "t", -1)]
    [InlineData("T", "t", 0)]
    public void TheLastOccurrenceIgnoringAsciiCaseIsFound(string text, string name, int expected) =>
        Assert.Equal(expected, SpanText.LastIndexOfLower(text, name));

    [Fact]
    public void EveryPositionComparedGivesTheSameAnswerOnRandomText()
    {
        const string alphabet = "abtTAB-—(: 责任编辑辑to contact reporter withassistancefrom";
        var random = new Random(20261128);
        for (var round = 0; round < 5000; round++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            foreach (var name in Names)
            {
                var inserted = random.Next(3) == 0 && text.Length > 0 ? text.Insert(random.Next(text.Length), random.Next(2) == 0 ? name : name.ToUpperInvariant()) : text;
                Assert.Equal(EveryPosition(inserted, name), SpanText.LastIndexOfLower(inserted, name));
            }
        }
    }

    /// <summary>The definition: the last start at which the text continues with the name.</summary>
    private static int EveryPosition(string text, string lower)
    {
        for (var start = text.Length - lower.Length; start >= 0; start--)
        {
            if (SpanText.StartsWithLower(text.AsSpan(start), lower))
                return start;
        }

        return -1;
    }
}
