using Aggregator.Cli;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Cli;

/// <summary>`parse --stats` reads and parses the first documents while the sanitizer warms up (ParseOutput.ParseAhead).</summary>
public sealed class ParseAheadTests
{
    private const string First = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>First</title><link>http://first.example/</link>
          <item><title>One</title><link>http://news.example/a/1.html</link><guid isPermaLink="false">g-1</guid><description>&lt;p&gt;One body&lt;/p&gt;</description></item>
          <item><title>Two</title><link>http://news.example/a/2.html</link><guid isPermaLink="false">g-2</guid><description>&lt;p&gt;Two &lt;b&gt;body&lt;/b&gt;&lt;/p&gt;</description></item>
        </channel></rss>
        """;

    private const string Second = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Second</title><link>http://second.example/</link>
          <item><title>One again</title><link>http://news.example/a/1.html?utm_source=rss</link><guid isPermaLink="false">s-1</guid><description>&lt;p&gt;One body&lt;/p&gt;</description></item>
          <item><title>Three</title><link>http://second.example/3.html</link><guid isPermaLink="false">s-3</guid><description>&lt;p&gt;Three body&lt;/p&gt;</description></item>
        </channel></rss>
        """;

    [Fact]
    public void DocumentsAreParsedInOrderUntilTheCallerSaysStop()
    {
        using var temp = new TempDirectory();
        var inputs = new[] { temp.WriteFile("1.xml", First), temp.WriteFile("2.xml", Second), temp.WriteFile("3.xml", First) }.Select(ParseInput.Later).ToList();
        var output = new ParseCommand.ParseOutput(TextWriter.Null, asJson: false, statsOnly: true);
        var asked = 0;

        var ahead = output.ParseAhead(inputs, new FeedParser(), () => ++asked <= 2, limit: 10);

        Assert.Equal(["First", "Second"], ahead.Select(document => document?.Feed?.Title));
        Assert.All(ahead, document => Assert.Null(document?.Error));
    }

    [Fact]
    public void NoMoreThanTheLimitIsParsedAhead()
    {
        using var temp = new TempDirectory();
        var inputs = Enumerable.Range(0, 5).Select(i => ParseInput.Later(temp.WriteFile($"{i}.xml", First))).ToList();
        var output = new ParseCommand.ParseOutput(TextWriter.Null, asJson: false, statsOnly: true);

        var ahead = output.ParseAhead(inputs, new FeedParser(), () => true, limit: 3);

        Assert.Equal(3, ahead.Length);
    }

    [Fact]
    public void DocumentsParsedAheadCountAndNormalizeAsTheOthers()
    {
        using var temp = new TempDirectory();
        var inputs = new[] { temp.WriteFile("1.xml", First), temp.WriteFile("2.xml", Second) }.Select(ParseInput.Later).ToList();
        var text = new StringWriter();
        var output = new ParseCommand.ParseOutput(text, asJson: false, statsOnly: true);
        var parser = new FeedParser();
        var normalizer = new ArticleNormalizer(new Aggregator.Normalizing.Html.BodySanitizer(), maxParallelism: 1);

        var ahead = output.ParseAhead(inputs, parser, () => true, limit: 1);
        byte[]? buffer = null;
        output.Print(ahead[0]!, normalizer, zone: null);
        output.Print(output.Parse(inputs[1].Read(ref buffer), parser), normalizer, zone: null);
        output.WriteTotals();

        Assert.Contains("2 documents (0 failed), 4 items parsed, 3 articles normalized, 1 duplicates skipped", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentThatFailsToParseAheadIsReportedWhenItsTurnComes()
    {
        using var temp = new TempDirectory();
        var broken = temp.WriteFile("broken.xml", "<html><body>not a feed</body></html>");
        var text = new StringWriter();
        var output = new ParseCommand.ParseOutput(text, asJson: false, statsOnly: true);

        var ahead = output.ParseAhead([ParseInput.Later(broken)], new FeedParser(), () => true, limit: 4);
        Assert.Equal(0, output.Failed);
        var printed = output.Print(ahead[0]!, new ArticleNormalizer(), zone: null);

        Assert.False(printed);
        Assert.Equal(1, output.Failed);
        Assert.StartsWith($"{broken}: parse:", text.ToString(), StringComparison.Ordinal);
    }
}
