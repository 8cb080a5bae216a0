using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>
/// Parse and normalize only what a poll brings that the store does not hold as it is. Most polls of a
/// feed find every entry already stored and unchanged, so the document is first scanned
/// (<see cref="IFeedParser.Scan"/>: every entry keyed and its raw fields hashed, bodies digested as
/// they stream past, none made into a string) and the store asked for the hashes it holds; only when
/// something is new or changed is the document parsed in full and the changed entries normalized.
/// </summary>
/// <remarks>
/// The content hash stored for an entry is the normalizer's raw hash of the entry as scanned (each
/// body standing as its digest token), so the next scan compares like with like. Documents the scan
/// cannot read (malformed, repaired, JSON) keep the raw hash of the full parse, as before; so do
/// stores written before the scan existed: an entry whose stored hash equals the full parse's raw
/// hash is unchanged too. Such an entry keeps its old hash (rewriting it would mark the article
/// changed) and costs a full parse per poll until it changes or leaves the feed.
/// Stores written before the raw hash became XxHash128 hold SHA-256 hashes (<see cref="RawHash.Sha256Of"/>),
/// of the scan or of the full parse: when the XxHash128 comparison fails, those are accepted too. An
/// entry with an old scan hash costs one SHA-256 per poll, one with an old full-parse hash a full parse
/// and a SHA-256, until it changes; new and changed entries store the XxHash128.
/// </remarks>
internal sealed class ChangedEntries(IFeedParser parser, IArticleNormalizer normalizer, IArticleStore store)
{
    /// <summary>What a poll's document comes to: the articles to store, and how many entries were already stored as they are.</summary>
    public sealed record Result(IReadOnlyList<Article> Changed, int Unchanged, int Entries, IReadOnlyList<string> Warnings);

    public async Task<Result> FindAsync(FeedPayload payload, SourceDefinition source, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var scanned = parser.Scan(payload);
        if (scanned is null)
            return await FullAsync(parser.Parse(payload), source, seenAt, cancellationToken);

        var stamps = normalizer.Identify(scanned, source);
        var known = await store.GetKnownContentHashesAsync(source.Id, Keys(stamps), cancellationToken);
        var same = new bool[stamps.Count];
        var allSame = true;
        for (var i = 0; i < stamps.Count; i++)
        {
            same[i] = Holds(known, stamps[i], scanned, source);
            allSame &= same[i];
        }

        if (allSame)
            return new Result([], stamps.Count, stamps.Count, scanned.Warnings);

        var feed = parser.Parse(payload);
        var full = normalizer.Identify(feed, source);
        if (!Aligned(stamps, full))
            return Normalize(feed, source, seenAt, full, known); // the two reads disagree: trust the full one alone

        var unchanged = 0;
        var changed = normalizer.Normalize(feed, source, seenAt, stamps, stamp =>
        {
            var i = stamp.Index;
            var legacy = !same[i] && Holds(known, full[i], feed, source);
            if (same[i] || legacy)
                unchanged++;
            return same[i] || legacy;
        });
        return new Result(changed, unchanged, feed.Entries.Count, feed.Warnings);
    }

    private async Task<Result> FullAsync(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var stamps = normalizer.Identify(feed, source);
        var known = await store.GetKnownContentHashesAsync(source.Id, Keys(stamps), cancellationToken);
        return Normalize(feed, source, seenAt, stamps, known);
    }

    private Result Normalize(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt, IReadOnlyList<EntryStamp> stamps, IReadOnlyDictionary<string, string> known)
    {
        var unchanged = 0;
        var changed = normalizer.Normalize(feed, source, seenAt, stamps, stamp =>
        {
            var same = Holds(known, stamp, feed, source);
            if (same)
                unchanged++;
            return same;
        });
        return new Result(changed, unchanged, feed.Entries.Count, feed.Warnings);
    }

    /// <summary>
    /// Whether the store holds <paramref name="stamp"/>'s entry as it is: its hash, or the SHA-256 hash the
    /// entry had before the switch to XxHash128 (only stores written before it hold such hashes; worked
    /// out only after the XxHash128 comparison failed).
    /// </summary>
    private static bool Holds(IReadOnlyDictionary<string, string> known, EntryStamp stamp, ParsedFeed feed, SourceDefinition source) =>
        known.TryGetValue(stamp.EntryKey, out var stored)
        && (stored == stamp.RawHash || stored == RawHash.Sha256Of(feed.Entries[stamp.Index], feed, source));

    private static string[] Keys(IReadOnlyList<EntryStamp> stamps)
    {
        var keys = new string[stamps.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = stamps[i].EntryKey;
        return keys;
    }

    /// <summary>The scan and the full parse read the same entries, in the same order, to the same keys.</summary>
    private static bool Aligned(IReadOnlyList<EntryStamp> scanned, IReadOnlyList<EntryStamp> full)
    {
        if (scanned.Count != full.Count)
            return false;
        for (var i = 0; i < scanned.Count; i++)
        {
            if (scanned[i].EntryKey != full[i].EntryKey)
                return false;
        }

        return true;
    }
}
