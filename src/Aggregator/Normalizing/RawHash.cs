using System.Buffers;
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
        // One SHA-256 over one buffer: the same bytes as appending field by field, without the
        // per-call cost of an incremental hash (a re-poll hashes every entry of every feed).
        var fields = new Fields();
        Collect(ref fields, entry, feed, source);
        var buffer = ArrayPool<byte>.Shared.Rent(fields.Length);
        try
        {
            var writer = new Fields { Buffer = buffer };
            Collect(ref writer, entry, feed, source);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, writer.Length), digest);
            // 128 bits are plenty to tell versions of one entry apart.
            return Convert.ToHexStringLower(digest[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Measures (no buffer) or writes every field in order.</summary>
    private static void Collect(ref Fields into, ParsedEntry entry, ParsedFeed feed, SourceDefinition source)
    {
        into.Add(Version);
        into.Add(source.Title);
        into.Add(source.Url.OriginalString);
        into.Add(source.TimeZone?.Id);
        into.Add(source.Comments ? "c1" : "c0");
        into.Add(source.IncludeEntryCategories ? "e1" : "e0");
        into.AddAll(source.Categories);
        into.Add(feed.Language);
        into.Add(feed.Author);
        into.Add(feed.Link);
        into.Add(entry.Id);
        into.Add(entry.Title);
        into.Add(entry.TitleIsHtml ? "h1" : "h0");
        into.Add(entry.Link);
        into.AddAll(entry.Authors);
        into.Add(entry.Published);
        into.Add(entry.Updated);
        into.AddAll(entry.Categories);
        into.Add(entry.Content);
        into.Add(entry.Summary);
        foreach (var media in entry.Media)
        {
            into.Add(media.Url);
            into.Add(media.Kind.ToString());
            into.Add(media.MimeType);
        }

        into.Add(entry.BaseUri);
        into.Add(entry.SourceTitle);
    }

    /// <summary>The hashed bytes: each value length-prefixed so ("ab", "c") and ("a", "bc") differ; null differs from empty.</summary>
    private struct Fields
    {
        public byte[]? Buffer;
        public int Length;

        public void AddAll(IReadOnlyList<string> values)
        {
            Add(values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var value in values)
                Add(value);
        }

        public void Add(string? value)
        {
            var bytes = MemoryMarshal.AsBytes((value ?? string.Empty).AsSpan());
            if (Buffer is not null)
            {
                BitConverter.TryWriteBytes(Buffer.AsSpan(Length, 4), value?.Length ?? -1);
                bytes.CopyTo(Buffer.AsSpan(Length + 4));
            }

            Length += 4 + bytes.Length;
        }
    }
}
