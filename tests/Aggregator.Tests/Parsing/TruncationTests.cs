using System.Text;
using Aggregator.Parsing;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing;

/// <summary>A document cut at any byte (a dropped connection) never crashes the parser and never invents entries.</summary>
public sealed class TruncationTests
{
    private static readonly string Document = ParsingDocuments.Rss(string.Concat(Enumerable.Range(1, 5).Select(i => $"""
        <item>
          <title>第{i}条 &amp; news&nbsp;{i}</title>
          <link>https://news.example.com/{i}.html?a=1&amp;b=2</link>
          <guid isPermaLink="false">id-{i}</guid>
          <media:thumbnail url="https://img.example.com/{i}.jpg"/>
          <description><![CDATA[<p>正文 {i} <img src="/i/{i}.png"></p>]]></description>
        </item>
        """)));

    [Fact]
    public void CuttingTheDocumentAtAnyByteYieldsOnlyWholeEntriesOrAParseError()
    {
        var bytes = Encoding.UTF8.GetBytes(Document);
        var parser = new FeedParser();
        var outcomes = new HashSet<int>();
        for (var length = 1; length < bytes.Length; length += 3)
        {
            try
            {
                var feed = parser.Parse(new Aggregator.Model.FeedPayload(bytes.AsMemory(0, length), null, ParsingDocuments.Location));
                outcomes.Add(feed.Entries.Count);
                Assert.All(feed.Entries, e => Assert.StartsWith("id-", e.Id, StringComparison.Ordinal));
                Assert.All(feed.Entries, e => Assert.Equal(e.Id!.Replace("id-", "https://img.example.com/", StringComparison.Ordinal) + ".jpg", e.Media[0].Url));
            }
            catch (FeedParseException ex)
            {
                Assert.StartsWith("parse: ", ex.Message, StringComparison.Ordinal);
            }
        }

        Assert.Equal([0, 1, 2, 3, 4, 5], outcomes.Order());
    }
}
