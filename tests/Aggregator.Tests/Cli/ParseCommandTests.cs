using Aggregator.Tests.Support;

namespace Aggregator.Tests.Cli;

public sealed class ParseCommandTests
{
    private const string First = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>First</title><link>http://first.example/</link>
          <item><title>One</title><link>http://news.example/a/1.html</link><guid isPermaLink="false">g-1</guid><description>&lt;p&gt;One body&lt;/p&gt;</description></item>
          <item><title>Two</title><link>http://news.example/a/2.html</link><guid isPermaLink="false">g-2</guid><description>&lt;p&gt;Two body&lt;/p&gt;</description></item>
        </channel></rss>
        """;

    // Re-publications of the first feed's entries (its link plus utm_*, another link with its guid) and one new entry.
    private const string Second = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Second</title><link>http://second.example/</link>
          <item><title>One again</title><link>http://news.example/a/1.html?utm_source=rss&amp;utm_medium=feed</link><guid isPermaLink="false">s-1</guid><description>&lt;p&gt;One body&lt;/p&gt;</description></item>
          <item><title>Two again</title><link>http://second.example/copy/2.html</link><guid isPermaLink="false">g-2</guid><description>&lt;p&gt;Two body&lt;/p&gt;</description></item>
          <item><title>Three</title><link>http://second.example/3.html</link><guid isPermaLink="false">s-3</guid><description>&lt;p&gt;Three body&lt;/p&gt;</description></item>
        </channel></rss>
        """;

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task StatsParseEveryItemButNormalizeEachLinkOrGuidOnce(string threads)
    {
        using var temp = new TempDirectory();
        temp.WriteFile("1.xml", First);
        temp.WriteFile("2.xml", Second);

        var result = await CliRunner.RunAsync("parse", "--stats", "--threads", threads, temp.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 documents (0 failed), 5 items parsed, 3 articles normalized, 2 duplicates skipped", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutStatsEveryArticleIsPrinted()
    {
        using var temp = new TempDirectory();
        temp.WriteFile("1.xml", First);
        temp.WriteFile("2.xml", Second);

        var result = await CliRunner.RunAsync("parse", temp.Path);

        Assert.Equal(0, result.ExitCode);
        foreach (var title in new[] { "One", "Two", "One again", "Two again", "Three" })
            Assert.Contains($"Z  {title}\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 documents (0 failed), 5 articles", result.Output, StringComparison.Ordinal);
    }
}
