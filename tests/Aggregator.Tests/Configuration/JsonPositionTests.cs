using System.Text;
using Aggregator.Configuration;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class JsonPositionTests
{
    [Fact]
    public void ColumnsCountCharactersNotBytes()
    {
        // "财经聚合" is 4 characters but 12 UTF-8 bytes before the bad URL on the same line.
        const string json = """
            {
              "site": { "title": "财经聚合", "baseUrl": "ftp://news.example.org/" },
              "sources": [ { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x"] } ]
            }
            """;

        var problem = Assert.Single(FeedsConfigLoader.Parse(json, "feeds.json").Problems);

        Assert.Equal("feeds.json:2:41: site.baseUrl 'ftp://news.example.org/' must be an absolute http:// or https:// URL", problem.ToString());
    }

    [Fact]
    public void AByteOrderMarkAndCrLfLineEndsDoNotShiftPositions()
    {
        var json = "{\r\n  \"site\": { \"title\": \"t\", \"baseUrl\": \"https://example.org/\" },\r\n  \"sorces\": []\r\n}\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        var result = FeedsConfigLoader.ParseBytes(bytes, "feeds.json", ".");

        // The missing "sources" is the same mistake as "sorces", so it is reported once.
        Assert.Equal(["3:3: unknown key 'sorces' in the top level; did you mean 'sources'?"], Located(result));
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAllowed()
    {
        var settings = Valid("""
            {
              // Line comment.
              "site": { "title": "t", "baseUrl": "https://example.org/", },
              /* Block comment. */
              "sources": [ { "id": "a", "title": "A", "url": "https://example.org/a.xml", "categories": ["x",], }, ],
            }
            """);

        Assert.Equal("a", Assert.Single(settings.Sources).Id);
    }

    [Fact]
    public void ASyntaxErrorIsReportedWhereTheTextStopsBeingJson()
    {
        const string json = """
            {
              "site": {
                "title" "财经聚合",
                "baseUrl": "https://example.org/"
              }
            }
            """;

        var problem = Assert.Single(FeedsConfigLoader.Parse(json, "feeds.json").Problems);

        Assert.Equal(3, problem.Line);
        Assert.Equal(13, problem.Column);
        Assert.StartsWith("JSON syntax error: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextAfterTheRootObjectIsASyntaxError()
    {
        var problem = Assert.Single(FeedsConfigLoader.Parse("{}\n{}", "feeds.json").Problems);

        Assert.Equal((2, 1), (problem.Line, problem.Column));
    }

    [Fact]
    public void AnEmptyFileIsReported()
    {
        var problem = Assert.Single(FeedsConfigLoader.Parse("  // nothing\n", "feeds.json").Problems);

        Assert.Equal("feeds.json:1:1: the file is empty; expected a JSON object", problem.ToString());
    }

    [Fact]
    public void BytesThatAreNotUtf8AreReportedWhereTheyStart()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"site\": \"").Concat(new byte[] { 0xC9, 0xCF }).Concat(Encoding.UTF8.GetBytes("\"\n}")).ToArray();

        var problem = Assert.Single(FeedsConfigLoader.ParseBytes(bytes, "feeds.json", ".").Problems);

        Assert.Equal("feeds.json:2:12: the file is not valid UTF-8 (byte 0xC9); save it as UTF-8", problem.ToString());
    }

    [Fact]
    public void ATopLevelArrayIsTheWrongType()
    {
        var problem = Assert.Single(FeedsConfigLoader.Parse("[]", "feeds.json").Problems);

        Assert.Equal("feeds.json:1:1: the top level must be an object, not an array", problem.ToString());
    }
}
