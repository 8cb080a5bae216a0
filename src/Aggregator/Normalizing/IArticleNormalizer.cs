using Aggregator.Model;

namespace Aggregator.Normalizing;

/// <summary>The normalize stage: parsed entries into the seed's article model.</summary>
internal interface IArticleNormalizer
{
    /// <param name="feed">The parsed document.</param>
    /// <param name="source">The configured source (categories, time zone, comments, title fallback).</param>
    /// <param name="seenAt">When we first saw the entries: the date of last resort and the clamp for future dates.</param>
    IReadOnlyList<Article> Normalize(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt);
}
