using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Aggregator.Model;

namespace Aggregator.Normalizing;

/// <summary>
/// Hash of everything an article is made from: the entry's raw fields, the feed fields used as
/// fallbacks, the source settings applied, and the normalizer's version. Equal hashes mean the
/// normalized article would come out the same, so it need not be made again.
/// </summary>
internal static class RawHash
{
    /// <summary>Bump when a normalization rule changes, so stored articles are made again.</summary>
    private const string Version = "normalize-1";

    public static string Of(ParsedEntry entry, ParsedFeed feed, SourceDefinition source)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, Version);
        Add(hash, source.Title);
        Add(hash, source.Url.OriginalString);
        Add(hash, source.TimeZone?.Id);
        Add(hash, source.Comments ? "c1" : "c0");
        Add(hash, source.IncludeEntryCategories ? "e1" : "e0");
        AddAll(hash, source.Categories);
        Add(hash, feed.Language);
        Add(hash, feed.Author);
        Add(hash, feed.Link);
        Add(hash, entry.Id);
        Add(hash, entry.Title);
        Add(hash, entry.TitleIsHtml ? "h1" : "h0");
        Add(hash, entry.Link);
        AddAll(hash, entry.Authors);
        Add(hash, entry.Published);
        Add(hash, entry.Updated);
        AddAll(hash, entry.Categories);
        Add(hash, entry.Content);
        Add(hash, entry.Summary);
        foreach (var media in entry.Media)
        {
            Add(hash, media.Url);
            Add(hash, media.Kind.ToString());
            Add(hash, media.MimeType);
        }

        Add(hash, entry.BaseUri);
        Add(hash, entry.SourceTitle);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        // 128 bits are plenty to tell versions of one entry apart.
        return Convert.ToHexStringLower(digest[..16]);
    }

    private static void AddAll(IncrementalHash hash, IReadOnlyList<string> values)
    {
        Add(hash, values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var value in values)
            Add(hash, value);
    }

    // Length-prefixed so ("ab", "c") and ("a", "bc") differ; null differs from empty.
    private static void Add(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, value?.Length ?? -1);
        hash.AppendData(length);
        if (!string.IsNullOrEmpty(value))
            hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
    }
}
