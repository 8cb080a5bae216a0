using System.Text.Json;
using Aggregator.Normalizing.Dates;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Normalizing.Dates;

/// <summary>feedparser's 72 date vectors (../shared/corpora/feedparser/date_vectors.json), each against the reader it names.</summary>
public sealed class DateVectorTests
{
    // feedparser names its sub-parsers; ours group them by script (asctime and Perforce are RFC 822 variants).
    private static readonly Dictionary<string, string> ReaderFor = new()
    {
        ["asctime"] = "rfc822", ["perforce"] = "rfc822", ["rfc822"] = "rfc822", ["w3dtf"] = "w3dtf",
        ["iso8601"] = "iso8601", ["nate"] = "cjk", ["onblog"] = "cjk", ["greek"] = "european", ["hungarian"] = "european",
    };

    // feedparser's own chain reads this as YYDDD (2022-01-13) after W3C-DTF rejects it, and so does ours:
    // the vector states only that a W3C-DTF reader must refuse a five-digit year.
    private const string RejectedByW3cDtfOnly = "22013";

    public static TheoryData<string, string, string> Vectors()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(NormalizingPaths.Shared("corpora", "feedparser", "date_vectors.json")));
        var data = new TheoryData<string, string, string>();
        foreach (var vector in json.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var expected = vector.GetProperty("expected_utc");
            var utc = expected.ValueKind == JsonValueKind.Null
                ? "null"
                : string.Join(",", expected.EnumerateArray().Select(n => n.GetInt32()));
            data.Add(vector.GetProperty("parser").GetString()!, vector.GetProperty("input").GetString()!, utc);
        }

        return data;
    }

    [Fact]
    public void AllSeventyTwoVectorsAreRead()
    {
        Assert.Equal(72, Vectors().Count);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void EveryVectorAgreesWithFeedparser(string parser, string input, string expectedUtc)
    {
        var reader = FeedDateParser.Readers.Single(r => r.Name == ReaderFor[parser]).Read;
        var named = reader(input, out var date) ? DateZone.Utc.Resolve(date) : null;
        Assert.Equal(expectedUtc, Format(named));

        if (input != RejectedByW3cDtfOnly)
            Assert.Equal(expectedUtc, Format(FeedDateParser.ParseUtc(input, DateZone.Utc)));
    }

    [Fact]
    public void TheWholeChainReadsAFiveDigitStringAsAnOrdinalDateLikeFeedparser()
    {
        Assert.Equal("2022,1,13,0,0,0", Format(FeedDateParser.ParseUtc(RejectedByW3cDtfOnly, DateZone.Utc)));
    }

    private static string Format(DateTimeOffset? utc) =>
        utc is { } d ? $"{d.Year},{d.Month},{d.Day},{d.Hour},{d.Minute},{d.Second}" : "null";
}
