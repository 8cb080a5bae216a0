using Aggregator.Model;
using Aggregator.Parsing.Charsets;
using Aggregator.Parsing.Json;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing;

/// <summary>
/// The parse stage's one dispatch: decode the bytes (HTTP charset, BOM, XML declaration), then send
/// JSON to the JSON Feed reader and everything else to the streaming XML reader, which tells RSS
/// 0.9x/1.0/2.0 and Atom 0.3/1.0 apart by the root element. Stateless and thread-safe.
/// </summary>
internal sealed class FeedParser : IFeedParser
{
    public ParsedFeed Parse(FeedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Content.IsEmpty)
        {
            throw new FeedParseException("parse: the document is empty.");
        }

        var decoded = CharsetDecoder.Decode(payload.Content.Span, payload.ContentType);
        var text = decoded.Text;
        var first = FirstSignificant(text);
        if (first < 0)
        {
            throw new FeedParseException("parse: the document holds only white space.");
        }

        var feed = text[first] == '{'
            ? JsonFeedReader.Read(text, payload.Location)
            : XmlFeedReader.Read(text, payload.Location);
        if (decoded.HadInvalidBytes)
        {
            feed = feed with { Warnings = [.. feed.Warnings, $"parse: some bytes are not valid {decoded.EncodingName} and were replaced."] };
        }

        return feed;
    }

    private static int FirstSignificant(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
