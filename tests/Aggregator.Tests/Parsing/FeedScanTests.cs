using System.Text;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Parsing.Xml;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing;

/// <summary>
/// <see cref="IFeedParser.Scan"/>: the re-poll's identification pass. It must read the same entries as
/// the full parse, to the same keys and fields, with each body standing as a token that changes
/// exactly when the body does — and give up (null) wherever only the full parse can read the document.
/// </summary>
public sealed class FeedScanTests
{
    private static readonly FeedParser Parser = new();

    private static readonly SourceDefinition Source = new()
    {
        Id = "scan",
        Title = "Scan",
        Url = ParsingDocuments.Location,
        Categories = [],
        Schedule = "0 */10 * * * ?",
    };

    private static ParsedFeed? Scan(string document) => Parser.Scan(new FeedPayload(Encoding.UTF8.GetBytes(document), null, ParsingDocuments.Location));

    private static string Item(string guid, string body) => $"""
        <item><guid isPermaLink="false">{guid}</guid><title>Title {guid}</title><link>https://news.example.com/{guid}</link>
          <pubDate>Thu, 13 May 2021 08:00:00 GMT</pubDate><dc:creator>Desk</dc:creator><category>Markets</category>
          <description>&lt;p&gt;Summary {guid}&lt;/p&gt;</description><content:encoded><![CDATA[{body}]]></content:encoded>
          <media:thumbnail url="https://img.example.com/{guid}.jpg"/></item>
        """;

    [Fact]
    public void ScannedRssEntriesKeepEveryFieldAndDigestTheBodiesTheFullParseReads()
    {
        var document = ParsingDocuments.Rss(Item("a", "<p>Alpha</p>") + Item("b", "<p>Beta</p>"));

        var full = ParsingDocuments.Parse(document);
        var scanned = Scan(document);

        Assert.NotNull(scanned);
        Assert.Equal(full.Entries.Count, scanned.Entries.Count);
        Assert.Equal((full.Title, full.Link, full.Language, full.Author), (scanned.Title, scanned.Link, scanned.Language, scanned.Author));
        for (var i = 0; i < full.Entries.Count; i++)
        {
            var (f, s) = (full.Entries[i], scanned.Entries[i]);
            Assert.Equal(BodyDigest.Of(f.Content!), s.Content);
            Assert.Equal(BodyDigest.Of(f.Summary!), s.Summary);
            Assert.Equal(f with { Content = null, Summary = null }, s with { Content = null, Summary = null }, EntryComparer.Instance);
        }
    }

    [Fact]
    public void ABodyWithElementsCdataAndTextDigestsAsTheTextTheFullParseMakesOfIt()
    {
        var body = "lead <b>bold <i>nested</i></b> tail <![CDATA[<em>cdata</em>]]> &amp; more";
        var document = ParsingDocuments.Rss($"<item><guid>x</guid><description>{body}</description></item>");

        var full = ParsingDocuments.Parse(document).Entries[0].Summary!;
        var scanned = Scan(document)!.Entries[0].Summary;

        Assert.Contains("<b>bold <i>nested</i></b>", full, StringComparison.Ordinal);
        Assert.Equal(BodyDigest.Of(full), scanned);
    }

    [Fact]
    public void ABodyLongerThanOneChunkDigestsWhole()
    {
        var body = string.Concat(Enumerable.Range(0, 3000).Select(i => $"<p>段落 {i}</p>"));
        var document = ParsingDocuments.Rss(Item("long", body));

        var full = ParsingDocuments.Parse(document).Entries[0].Content!;

        Assert.True(full.Length > 20_000);
        Assert.Equal(BodyDigest.Of(full), Scan(document)!.Entries[0].Content);
    }

    [Fact]
    public void ChangingOneBodyChangesOnlyThatEntrysTokenAndRawHash()
    {
        var before = Scan(ParsingDocuments.Rss(Item("a", "<p>Alpha</p>") + Item("b", "<p>Beta</p>")))!;
        var after = Scan(ParsingDocuments.Rss(Item("a", "<p>Alpha</p>") + Item("b", "<p>Beta, revised</p>")))!;

        var stampsBefore = ArticleNormalizer.Identify(before.Entries[0], 0, before, Source).RawHash;
        Assert.Equal(stampsBefore, ArticleNormalizer.Identify(after.Entries[0], 0, after, Source).RawHash);
        Assert.NotEqual(before.Entries[1].Content, after.Entries[1].Content);
        Assert.Equal(before.Entries[1].Summary, after.Entries[1].Summary);
        Assert.NotEqual(
            ArticleNormalizer.Identify(before.Entries[1], 1, before, Source).RawHash,
            ArticleNormalizer.Identify(after.Entries[1], 1, after, Source).RawHash);
    }

    [Fact]
    public void ScannedAtomEntriesKeepTheirKeysAndDigestContentAndSummary()
    {
        var document = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"><title>Atom</title><link href="https://atom.example.com/"/>
            <entry><id>tag:atom.example.com,2021:1</id><title type="html">One &amp;lt;b&amp;gt;</title><link href="https://atom.example.com/1"/>
              <updated>2021-05-13T08:00:00+08:00</updated><summary type="text">Plain &lt;summary&gt;</summary>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>one</b></p></div></content></entry>
            <entry><title>No id</title><link href="https://atom.example.com/2?utm_source=x"/><updated>2021-05-13T09:00:00+08:00</updated>
              <content type="html">&lt;p&gt;Body two&lt;/p&gt;</content></entry>
            </feed>
            """;

        var full = ParsingDocuments.Parse(document);
        var scanned = Scan(document)!;

        Assert.Equal(FeedFormat.Atom10, scanned.Format);
        Assert.Equal(
            full.Entries.Select((e, i) => ArticleNormalizer.Identify(e, i, full, Source).EntryKey),
            scanned.Entries.Select((e, i) => ArticleNormalizer.Identify(e, i, scanned, Source).EntryKey));
        Assert.All(scanned.Entries, e => Assert.StartsWith(BodyDigest.Prefix, e.Content, StringComparison.Ordinal));
        Assert.Equal(BodyDigest.Of(full.Entries[1].Content!), scanned.Entries[1].Content);
        Assert.Equal(full.Entries[0].Title, scanned.Entries[0].Title);
        Assert.Contains(BodyDigest.Prefix, scanned.Entries[0].Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><item><title>one</title></item><item><title>cut")] // truncated
    [InlineData("<rss version=\"2.0\"><channel><item><title>A&nbsp;B</title></item></channel></rss>")] // HTML entity: repaired
    [InlineData("<rss version=\"2.0\"><channel><item><foo:bar>x</foo:bar></item></channel></rss>")] // undeclared prefix
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[]}")] // JSON Feed
    [InlineData("<!DOCTYPE rss [<!ENTITY x \"boom\">]><rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>")]
    [InlineData("<html><body>not a feed</body></html>")]
    public void DocumentsOnlyTheFullParseReadsAreNotScanned(string document)
    {
        Assert.Null(Scan(document));
    }

    [Fact]
    public void NestingBeyondTheLimitIsNotScannedAndTheFullParseStillRefusesIt()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", FeedXmlReader.MaxDepth + 5)) + string.Concat(Enumerable.Repeat("</div>", FeedXmlReader.MaxDepth + 5));
        var document = ParsingDocuments.Rss($"<item><guid>x</guid><description>{deep}</description></item>");

        Assert.Null(Scan(document));
        Assert.Throws<FeedParseException>(() => ParsingDocuments.Parse(document));
    }

    [Fact]
    public void RecordedFeedsScanToTheSameEntriesAndKeysAsTheirFullParse()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "samples", "recorded");
        var files = Directory.GetFiles(folder, "*.xml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var payload = new FeedPayload(File.ReadAllBytes(file), null, new Uri(file));
            var full = Parser.Parse(payload);
            var scanned = Parser.Scan(payload);
            Assert.NotNull(scanned);
            Assert.Equal(full.Entries.Count, scanned.Entries.Count);
            for (var i = 0; i < full.Entries.Count; i++)
            {
                Assert.Equal(ArticleNormalizer.Identify(full.Entries[i], i, full, Source).EntryKey, ArticleNormalizer.Identify(scanned.Entries[i], i, scanned, Source).EntryKey);
                Assert.Equal(full.Entries[i] with { Content = null, Summary = null }, scanned.Entries[i] with { Content = null, Summary = null }, EntryComparer.Instance);
            }
        }
    }

    /// <summary>Field by field, lists by their items (records compare lists by reference).</summary>
    private sealed class EntryComparer : IEqualityComparer<ParsedEntry>
    {
        public static readonly EntryComparer Instance = new();

        public bool Equals(ParsedEntry? x, ParsedEntry? y) =>
            x is not null && y is not null
            && x with { Authors = [], Categories = [], Media = [] } == y with { Authors = [], Categories = [], Media = [] }
            && x.Authors.SequenceEqual(y.Authors) && x.Categories.SequenceEqual(y.Categories) && x.Media.SequenceEqual(y.Media);

        public int GetHashCode(ParsedEntry obj) => 0;
    }
}
