using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Aggregator.Model;
using Aggregator.Normalizing;

namespace Aggregator.Tests.Normalizing;

/// <summary>
/// The content hash is stored with every article: its bytes may not change, or every stored article
/// would look changed on the next poll. The hash now stored is pinned to the XxHash128 of the field
/// framing; the SHA-256 one that stores written before the switch hold is pinned to the field-by-field
/// SHA-256 it started as, so those stores are still recognised.
/// </summary>
public sealed class RawHashTests
{
    private static readonly SourceDefinition Source = new()
    {
        Id = "stcn",
        Title = "证券时报网",
        Url = new Uri("https://www.stcn.com/rss/1.xml"),
        Categories = ["金融", "要闻"],
        Schedule = "0 */10 * * * ?",
        TimeZone = TimeZoneInfo.Utc,
    };

    private static readonly ParsedFeed Feed = new()
    {
        Format = FeedFormat.Rss20,
        Title = "证券时报网 - 要闻",
        Link = "https://www.stcn.com/",
        Language = "zh-cn",
        Entries = [],
    };

    private static readonly ParsedEntry[] Samples =
    [
        new ParsedEntry(),
        new ParsedEntry
        {
            Id = "hexun-1000387",
            Title = "上市公司下调存款利率",
            Link = "https://www.hexun.com/article/detail/1000387.html",
            Authors = ["赵磊", ""],
            Published = "Sat, 29 Jun 2024 05:47:47 +0800",
            Categories = ["宏观", "市场"],
            Content = "<p style=\"text-align: center;\"><img src=\"a.jpg\"></p>",
            Summary = "",
            Media = [new MediaReference("https://static.hexun.com/a.jpg", MediaKind.MediaThumbnail, "image/jpeg")],
            BaseUri = "https://www.hexun.com/",
        },
        // Fields longer than the hasher's copy limit and its buffer, between short ones: the bytes go
        // to the hash in several pieces, in place, and must still hash as one sequence.
        new ParsedEntry
        {
            Id = "cls-" + new string('9', 300),
            Title = string.Concat(Enumerable.Repeat("沪指涨1%，深成指涨2%。", 40)),
            Link = "https://www.cls.cn/detail/1",
            Authors = [.. Enumerable.Range(0, 300).Select(i => $"作者{i}")],
            Categories = [.. Enumerable.Range(0, 200).Select(i => $"分类{i}")],
            Content = string.Concat(Enumerable.Repeat("<p>宁德时代晚间发布业绩预告 &amp; more</p>", 900)),
            Summary = new string('x', 257),
            SourceTitle = "财联社",
        },
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void TheHashIsTheXxHash128OfTheFieldFraming(int sample) =>
        Assert.Equal(Convert.ToHexStringLower(XxHash128.Hash(FieldBytes(Samples[sample]))), RawHash.Of(Samples[sample], Feed, Source));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void TheLegacyHashIsTheFieldByFieldSha256ItWasStoredAs(int sample) =>
        Assert.Equal(FieldByFieldSha256(Samples[sample]), RawHash.Sha256Of(Samples[sample], Feed, Source));

    [Fact]
    public void EveryMediaKindIsHashedByItsName()
    {
        var entry = Samples[1] with
        {
            Media = [.. Enum.GetValues<MediaKind>().Select(kind => new MediaReference($"https://static.hexun.com/{kind}.jpg", kind))],
        };

        Assert.Equal(Convert.ToHexStringLower(XxHash128.Hash(FieldBytes(entry))), RawHash.Of(entry, Feed, Source));
    }

    [Fact]
    public void TheHashAndTheLegacyHashDiffer()
    {
        Assert.Equal(32, RawHash.Of(Samples[1], Feed, Source).Length);
        Assert.NotEqual(RawHash.Sha256Of(Samples[1], Feed, Source), RawHash.Of(Samples[1], Feed, Source));
    }

    [Fact]
    public void HashingOtherEntriesInBetweenLeavesAnEntrysHashAsItWas()
    {
        var first = RawHash.Of(Samples[1], Feed, Source);
        var firstLegacy = RawHash.Sha256Of(Samples[1], Feed, Source);
        RawHash.Of(Samples[2], Feed, Source);
        RawHash.Sha256Of(Samples[2], Feed, Source);
        RawHash.Of(Samples[0], Feed, Source);

        Assert.Equal(first, RawHash.Of(Samples[1], Feed, Source));
        Assert.Equal(firstLegacy, RawHash.Sha256Of(Samples[1], Feed, Source));
    }

    /// <summary>The legacy hash as it was first written: SHA-256 fed field by field, its first 128 bits.</summary>
    private static string FieldByFieldSha256(ParsedEntry entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(FieldBytes(entry));
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    /// <summary>The framing, written out one field at a time: length (-1 for null), then UTF-16 code units.</summary>
    private static byte[] FieldBytes(ParsedEntry entry)
    {
        using var bytes = new MemoryStream();
        void Add(string? value)
        {
            bytes.Write(BitConverter.GetBytes(value?.Length ?? -1));
            if (!string.IsNullOrEmpty(value))
                bytes.Write(MemoryMarshal.AsBytes(value.AsSpan()));
        }

        void AddAll(IReadOnlyList<string> values)
        {
            Add(values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var value in values)
                Add(value);
        }

        Add("normalize-1");
        Add(Source.Title);
        Add(Source.Url.OriginalString);
        Add(Source.TimeZone?.Id);
        Add(Source.Comments ? "c1" : "c0");
        Add(Source.IncludeEntryCategories ? "e1" : "e0");
        AddAll(Source.Categories);
        Add(Feed.Language);
        Add(Feed.Author);
        Add(Feed.Link);
        Add(entry.Id);
        Add(entry.Title);
        Add(entry.TitleIsHtml ? "h1" : "h0");
        Add(entry.Link);
        AddAll(entry.Authors);
        Add(entry.Published);
        Add(entry.Updated);
        AddAll(entry.Categories);
        Add(entry.Content);
        Add(entry.Summary);
        foreach (var media in entry.Media)
        {
            Add(media.Url);
            Add(media.Kind.ToString());
            Add(media.MimeType);
        }

        Add(entry.BaseUri);
        Add(entry.SourceTitle);
        return bytes.ToArray();
    }
}
