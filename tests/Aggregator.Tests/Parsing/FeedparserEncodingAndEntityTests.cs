using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Model;
using Aggregator.Parsing;
using Aggregator.Parsing.Charsets;
using Aggregator.Tests.Support;
using Xunit.Abstractions;

namespace Aggregator.Tests.Parsing;

/// <summary>
/// feedparser's encoding/ and entities/ expectations: the charset chosen (served with the file's
/// Header: lines) and the decoded text of titles and descriptions.
/// </summary>
public sealed partial class FeedparserEncodingAndEntityTests(ITestOutputHelper output)
{
    [Fact]
    public void EncodingAndEntityFilesDecodeToFeedparsersText()
    {
        var parser = new FeedParser();
        int checks = 0;
        var misses = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(ParsingCorpus.Root, "feedparser", "expectations-encoding-entities.jsonl")))
        {
            using var record = JsonDocument.Parse(line);
            var expectation = record.RootElement;
            var file = expectation.GetProperty("path").GetString()!;
            var bytes = File.ReadAllBytes(ParsingCorpus.FullPath(file));
            var contentType = ParsingCorpus.ContentType(bytes);
            var expectedCharset = ExpectedEncoding().Match(expectation.GetProperty("expect").GetString()!);
            if (expectedCharset.Success)
            {
                checks++;
                var actual = CharsetDecoder.Decode(bytes, contentType).EncodingName;
                if (actual != expectedCharset.Groups[1].Value)
                {
                    misses.Add($"{file} encoding: feedparser {expectedCharset.Groups[1].Value}, ours {actual}");
                }
            }

            if (expectation.GetProperty("simple") is not { ValueKind: JsonValueKind.Object } simple)
            {
                continue;
            }

            ParsedFeed feed;
            try
            {
                feed = ParsingCorpus.Parse(parser, file);
            }
            catch (FeedParseException ex)
            {
                checks++;
                misses.Add($"{file}: refused ({ex.Message})");
                continue;
            }

            foreach (var check in simple.GetProperty("checks").EnumerateArray())
            {
                var path = string.Join('.', check.GetProperty("path").EnumerateArray().Select(p => p.ToString()));
                if (path == "encoding" || check.GetProperty("equals").ValueKind != JsonValueKind.String)
                {
                    continue; // compared above from the raw bytes
                }

                var expected = check.GetProperty("equals").GetString();
                var entry = feed.Entries.Count > 0 ? feed.Entries[0] : null;
                var (known, actual) = path switch
                {
                    "feed.title" => (true, feed.Title),
                    "feed.link" => (true, feed.Link),
                    "entries.0.title" => (true, entry?.Title),
                    "entries.0.link" => (true, entry?.Link),
                    "entries.0.description" or "entries.0.summary" => (true, entry?.Summary ?? entry?.Content),
                    _ => (false, null),
                };
                if (!known)
                {
                    continue;
                }

                checks++;
                if (expected != actual)
                {
                    misses.Add($"{file} {path}: feedparser \"{expected}\", ours \"{actual}\"");
                }
            }
        }

        var rate = 1.0 - ((double)misses.Count / checks);
        output.WriteLine($"encoding and entity expectations met: {rate:P2} of {checks} checks, {misses.Count} misses");
        misses.ForEach(output.WriteLine);
        // Measured 98.8 % (4 misses of 327): &lang;/&rang; follow HTML5 (U+27E8/9) where feedparser keeps
        // HTML 4's U+2329/A; we do not rewrite windows-1252 references inside escaped HTML; and one
        // line-noise file whose C1 bytes we map to windows-1252 as browsers do.
        Assert.True(rate >= 0.97, $"agreement {rate:P2} is below 97 %");
    }

    [GeneratedRegex("encoding == '([^']+)'")]
    private static partial Regex ExpectedEncoding();
}
