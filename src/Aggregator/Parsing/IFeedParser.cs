using Aggregator.Model;

namespace Aggregator.Parsing;

/// <summary>The parse stage: bytes in, format-neutral entries out.</summary>
internal interface IFeedParser
{
    /// <summary>Parses a document; throws <see cref="FeedParseException"/> with a readable reason when nothing usable is in it.</summary>
    ParsedFeed Parse(FeedPayload payload);

    /// <summary>
    /// Identification only: the entries <see cref="Parse"/> would return, in the same order and with the
    /// same fields, except that every body (content, description, summary) is a digest token (see
    /// <c>BodyDigest</c>) rather than its text — enough to key each entry and tell whether it changed,
    /// at close to the cost of a bare XmlReader pass. Null when only the full parse can read the
    /// document (not well-formed, needs repair, not UTF-8 or a known CJK charset, JSON). Never normalize from it.
    /// </summary>
    ParsedFeed? Scan(FeedPayload payload);
}
