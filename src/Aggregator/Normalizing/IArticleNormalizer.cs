using Aggregator.Model;

namespace Aggregator.Normalizing;

/// <summary>The normalize stage: parsed entries into the seed's article model.</summary>
internal interface IArticleNormalizer
{
    /// <summary>Normalizes every entry of <paramref name="feed"/>, in document order.</summary>
    /// <param name="feed">The parsed document.</param>
    /// <param name="source">The configured source (categories, time zone, comments, title fallback).</param>
    /// <param name="seenAt">When we first saw the entries: the date of last resort and the clamp for future dates.</param>
    IReadOnlyList<Article> Normalize(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt);

    /// <summary>
    /// Phase one, cheap: every entry's key, canonical link and hash of its raw fields (what
    /// <see cref="Article.ContentHash"/> will be), without parsing any HTML.
    /// </summary>
    IReadOnlyList<EntryStamp> Identify(ParsedFeed feed, SourceDefinition source);

    /// <summary>
    /// Phase two: normalizes only the entries for which <paramref name="isUnchanged"/> returns false —
    /// the store answers from its keys and hashes, so entries it holds as they are cost no sanitizing.
    /// </summary>
    IReadOnlyList<Article> Normalize(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt, Func<EntryStamp, bool>? isUnchanged);

    /// <summary>
    /// Phase two with the stamps the caller already has from <see cref="Identify"/> (the poller asks the
    /// store with them): the raw fields are not hashed a second time.
    /// </summary>
    IReadOnlyList<Article> Normalize(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt, IReadOnlyList<EntryStamp> stamps, Func<EntryStamp, bool>? isUnchanged);
}
