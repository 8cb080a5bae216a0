using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Aggregator.Model;
using Aggregator.Normalizing;

namespace Aggregator.Tests.Normalizing;

/// <summary>
/// The content hash is stored with every article: its bytes may not change, or every stored article
/// would look changed on the next poll. It is pinned here to the field-by-field SHA-256 it started as.
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
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void TheHashIsTheFieldByFieldSha256ItWasStoredAs(int sample) =>
        Assert.Equal(FieldByField(Samples[sample]), RawHash.Of(Samples[sample], Feed, Source));

    private static string FieldByField(ParsedEntry entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            hash.AppendData(BitConverter.GetBytes(value?.Length ?? -1));
            if (!string.IsNullOrEmpty(value))
                hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
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
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }
}
