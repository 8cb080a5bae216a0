using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Storage;

/// <summary>The keys the store derives: stable article ids, tombstone keys, fingerprint bands, stored times.</summary>
internal static class ArticleKeys
{
    /// <summary>
    /// 32 hex characters (128 bits of SHA-256) of the first source id and entry key: stable forever,
    /// because the first report of an article never changes, even when another copy becomes canonical.
    /// </summary>
    public static string ArticleId(string sourceId, string entryKey)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(sourceId + "\n" + entryKey));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }

    public static string EntryTombstone(string sourceId, string entryKey) => "e:" + sourceId + "\n" + entryKey;

    public static string LinkTombstone(string link) => "l:" + link;

    /// <summary>How many characters of a title key the overlap candidates compare (the matcher's shared-prefix length).</summary>
    public const int TitleAnchorLength = 4;

    /// <summary>The first <see cref="TitleAnchorLength"/> characters (the whole key when shorter).</summary>
    public static string TitleStart(string titleKey) => titleKey.Length <= TitleAnchorLength ? titleKey : titleKey[..TitleAnchorLength];

    /// <summary>The last <see cref="TitleAnchorLength"/> characters (the whole key when shorter).</summary>
    public static string TitleEnd(string titleKey) => titleKey.Length <= TitleAnchorLength ? titleKey : titleKey[^TitleAnchorLength..];

    /// <summary>
    /// The width of a story bucket: one week, the unit <see cref="StoryCandidateCache"/> loads. The
    /// week query (IngestCommands.StoryWeek) repeats it as the literal 604800000; since schema 3 no index
    /// is built on it.
    /// </summary>
    public const long StoryBucketMilliseconds = 604_800_000;

    /// <summary>The story bucket of a stored time, rounded as SQLite's integer division rounds (toward zero).</summary>
    public static long StoryBucket(long stored) => stored / StoryBucketMilliseconds;

    public static long ToStored(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static long? ToStored(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromStored(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? FromStored(long? milliseconds) => milliseconds is { } value ? FromStored(value) : null;
}
