using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Aggregator.Model;
using Aggregator.Parsing.Atom;
using Aggregator.Parsing.Rss;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// The XML path of the parse stage: repair the text, open one secured streaming reader, sniff the
/// format from the root element, and hand over to the RSS or Atom reader. A document that breaks off
/// keeps the entries that were complete, with a warning; an undeclared namespace prefix is declared
/// and the document read again.
/// </summary>
internal static partial class XmlFeedReader
{
    private const int MaxPrefixRetries = 8;

    /// <summary>Reads decoded text through the repair pass; the tolerant path every document can take.</summary>
    public static ParsedFeed Read(string text, Uri location)
    {
        var repaired = XmlRepair.Repair(text);
        var undeclared = new List<string>();
        while (true)
        {
            var feed = ReadOnce(FeedXmlReader.Create(repaired, location, undeclared), undeclared, direct: false);
            if (feed is not null)
            {
                return feed;
            }
        }
    }

    /// <summary>
    /// Streams a well-formed document straight from its bytes, without a decoded copy or the repair
    /// pass; null when the document needs either (then the caller takes <see cref="Read"/>).
    /// </summary>
    /// <param name="digestBodies">Scan mode (<see cref="IFeedParser.Scan"/>): bodies come back as digest tokens.</param>
    public static ParsedFeed? TryReadDirect(TextReader text, Uri location, bool digestBodies = false)
    {
        try
        {
            return ReadOnce(FeedXmlReader.Create(text, location, [], checkCharacters: true, digestBodies), [], direct: true);
        }
        catch (DecoderFallbackException)
        {
            return null; // the bytes are not in the charset we guessed: decode properly
        }
    }

    /// <summary>One pass; null means "read again" (an undeclared prefix was added, or the direct path met an error).</summary>
    private static ParsedFeed? ReadOnce(FeedXmlReader reader, List<string> undeclared, bool direct)
    {
        using var cursor = reader;
        FeedFormat? format = null;
        RssChannel? channel = null;
        AtomFeed? atom = null;
        var warnings = new List<string>();
        if (undeclared.Count > 0)
        {
            warnings.Add($"parse: the document uses undeclared namespace prefixes ({string.Join(", ", undeclared)}); they were read as unknown extensions.");
        }

        try
        {
            if (!MoveToRoot(cursor))
            {
                throw new FeedParseException("parse: the document holds no XML element at all.");
            }

            format = Sniff(cursor.Reader);
            if (format is FeedFormat.Atom10 or FeedFormat.Atom03)
            {
                atom = new AtomFeed();
                AtomReader.Read(cursor, atom, format == FeedFormat.Atom03);
            }
            else
            {
                channel = new RssChannel();
                RssReader.Read(cursor, channel);
            }
        }
        catch (XmlException) when (direct)
        {
            return null;
        }
        catch (XmlException ex)
        {
            var prefix = UndeclaredPrefix().Match(ex.Message);
            if (prefix.Success && undeclared.Count < MaxPrefixRetries && !undeclared.Contains(prefix.Groups[1].Value))
            {
                undeclared.Add(prefix.Groups[1].Value);
                return null;
            }

            var read = channel?.Items.Count ?? atom?.Entries.Count ?? 0;
            var hasFeedData = channel?.Title is not null || channel?.Link is not null || atom?.Title is not null || atom?.Links is not null;
            if (format is null || (read == 0 && !hasFeedData))
            {
                throw new FeedParseException($"parse: the document is not well-formed XML and holds no readable feed ({ex.Message}).", ex);
            }

            warnings.Add($"parse: the document is malformed or breaks off at line {ex.LineNumber}, position {ex.LinePosition}; kept the {read} entries complete before that ({ex.Message}).");
        }

        return atom is not null
            ? AtomAdapter.ToFeed(atom, format!.Value, warnings)
            : RssAdapter.ToFeed(channel!, format!.Value, warnings);
    }

    private static bool MoveToRoot(FeedXmlReader cursor)
    {
        while (cursor.Read())
        {
            if (cursor.Reader.NodeType == XmlNodeType.Element)
            {
                return true;
            }
        }

        return false;
    }

    private static FeedFormat Sniff(XmlReader reader)
    {
        switch (reader.LocalName)
        {
            case "rss":
                var version = reader.GetAttribute("version")?.Trim() ?? string.Empty;
                return version.StartsWith("0.9", StringComparison.Ordinal) ? FeedFormat.Rss09x : FeedFormat.Rss20;
            case "RDF":
                return reader.GetAttribute("xmlns") == FeedNames.Rss090Uri ? FeedFormat.Rss09x : FeedFormat.Rss10;
            case "feed":
                var atom03 = reader.NamespaceURI == FeedNames.Atom03Uri || (reader.NamespaceURI.Length == 0 && reader.GetAttribute("version") == "0.3");
                return atom03 ? FeedFormat.Atom03 : FeedFormat.Atom10;
            default:
                throw new FeedParseException($"parse: the document is XML but not an RSS or Atom feed (its root element is <{reader.Name}>).");
        }
    }

    [GeneratedRegex("'([^']+)' is an undeclared prefix")]
    private static partial Regex UndeclaredPrefix();
}
