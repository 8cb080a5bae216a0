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

        var direct = TryDirect(payload, digestBodies: false);
        if (direct is not null)
        {
            return direct;
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

    public ParsedFeed? Scan(FeedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            return payload.Content.IsEmpty ? null : TryDirect(payload, digestBodies: true);
        }
        catch (FeedParseException)
        {
            return null; // the full parse says why, in its own words
        }
    }

    /// <summary>
    /// The fast path for the common case, a well-formed XML feed in UTF-8 or a known CJK charset:
    /// stream the bytes through the reader, as a bare XmlReader pass would. Anything unusual (a
    /// reader error, bytes not in that charset, C1 characters) returns null and takes the full path.
    /// </summary>
    private static ParsedFeed? TryDirect(FeedPayload payload, bool digestBodies)
    {
        var bytes = payload.Content.Span;
        var encoding = CharsetDecoder.DirectEncoding(bytes, payload.ContentType, out var skip);
        if (encoding is null || bytes[skip..].TrimStart(" \t\r\n"u8) is not [(byte)'<', ..] || RepairSniffer.NeedsRepair(bytes))
        {
            return null;
        }

        using var text = new BytesTextReader(payload.Content[skip..], encoding);
        return XmlFeedReader.TryReadDirect(text, payload.Location, digestBodies);
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
