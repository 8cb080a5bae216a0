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

    /// <summary>One per thread, reused: a re-poll hashes every entry of every feed, and making a hash object costs more than hashing a short entry.</summary>
    [ThreadStatic]
    private static FieldHasher? hasher;

    public static string Of(ParsedEntry entry, ParsedFeed feed, SourceDefinition source)
    {
        var into = hasher ??= new FieldHasher();
        into.Start();
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
        // 128 bits are plenty to tell versions of one entry apart.
        return into.Finish();
    }

    /// <summary>
    /// The hashed bytes: each value as its length (Int32, little-endian; -1 for null, so null differs
    /// from empty) then its UTF-16 code units, so ("ab", "c") and ("a", "bc") differ. Short values
    /// gather in a buffer; long ones (bodies) go to the hash straight from the string, never copied.
    /// The digest is the SHA-256 of the whole sequence, the same as hashing it field by field.
    /// </summary>
    private sealed class FieldHasher
    {
        /// <summary>Values longer than this many bytes are hashed in place rather than copied.</summary>
        private const int CopyLimit = 512;

        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] buffer = new byte[4096];
        private int length;
        private bool started;

        /// <summary>Begins an entry; what a call that threw half-way left behind is thrown away.</summary>
        public void Start()
        {
            if (started)
            {
                Span<byte> discard = stackalloc byte[32];
                hash.TryGetHashAndReset(discard, out _);
            }

            length = 0;
            started = true;
        }

        public void AddAll(IReadOnlyList<string> values)
        {
            Span<char> count = stackalloc char[11];
            values.Count.TryFormat(count, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            Add(count[..written], written);
            foreach (var value in values)
                Add(value);
        }

        public void Add(string? value) => Add(value.AsSpan(), value?.Length ?? -1);

        public string Finish()
        {
            Flush();
            Span<byte> digest = stackalloc byte[32];
            hash.TryGetHashAndReset(digest, out _);
            started = false;
            return Convert.ToHexStringLower(digest[..16]);
        }

        private void Add(ReadOnlySpan<char> value, int prefix)
        {
            var bytes = MemoryMarshal.AsBytes(value);
            if (buffer.Length - length < 4 + Math.Min(bytes.Length, CopyLimit))
                Flush();
            BitConverter.TryWriteBytes(buffer.AsSpan(length, 4), prefix);
            length += 4;
            if (bytes.Length <= CopyLimit)
            {
                bytes.CopyTo(buffer.AsSpan(length));
                length += bytes.Length;
                return;
            }

            Flush();
            hash.AppendData(bytes);
        }

        private void Flush()
        {
            if (length == 0)
                return;
            hash.AppendData(buffer, 0, length);
            length = 0;
        }
    }
}
