using Aggregator.Model;

namespace Aggregator.Parsing;

/// <summary>The parse stage: bytes in, format-neutral entries out.</summary>
internal interface IFeedParser
{
    /// <summary>Parses a document; throws <see cref="FeedParseException"/> with a readable reason when nothing usable is in it.</summary>
    ParsedFeed Parse(FeedPayload payload);
}
