using Aggregator.Configuration;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class FeedsConfigLoaderTests
{
    // Positions are 1-based; the acceptance case of the Foundation issue, positions counted by hand.
    private const string TypoMissingUrlDuplicateId = """
        {
          "site": { "title": "财经聚合", "baseUrl": "https://news.example.org/" },
          "sources": [
            {
              "id": "stcn-yw",
              "title": "证券时报网",
              "url": "https://rsshub.app/stcn/yw",
              "categories": ["金融", "证券时报网", "要闻"]
            },
            {
              "id": "cls-telegraph",
              "titel": "财联社",
              "url": "https://rsshub.app/cls/telegraph",
              "categories": ["金融", "财联社", "快讯"]
            },
            {
              "id": "stcn-yw",
              "title": "证券时报网",
              "categories": ["金融", "证券时报网", "快讯"]
            }
          ]
        }
        """;

    [Fact]
    public void TypoMissingUrlAndDuplicateIdAreAllReportedAtTheirLinesAndColumns()
    {
        var result = FeedsConfigLoader.Parse(TypoMissingUrlDuplicateId, "feeds.json");

        Assert.False(result.IsValid);
        Assert.Null(result.Settings);
        Assert.Equal(
            [
                "feeds.json:12:7: unknown key 'titel' in sources[1]; did you mean 'title'?",
                "feeds.json:16:5: missing required key 'url' in sources[2]",
                "feeds.json:17:13: duplicate source id 'stcn-yw' in sources[2].id; sources[0].id (line 5) already uses it",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ProblemsNameTheFileAsTheUserGaveIt()
    {
        var result = FeedsConfigLoader.Parse(TypoMissingUrlDuplicateId, "samples/feeds.json");

        Assert.All(result.Problems, p => Assert.Equal("samples/feeds.json", p.File));
    }

    [Fact]
    public void LoadReadsTheFileAndNamesItByTheGivenPath()
    {
        var directory = Directory.CreateTempSubdirectory("aggregator-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "feeds.json");
            File.WriteAllText(path, TypoMissingUrlDuplicateId);

            var result = FeedsConfigLoader.Load(path);

            Assert.Equal(3, result.Problems.Count);
            Assert.StartsWith(path + ":12:7: unknown key 'titel'", result.Problems[0].ToString(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void AMissingFileIsOneProblemNamingThePath()
    {
        var result = FeedsConfigLoader.Load("no-such-folder/feeds.json");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("no-such-folder/feeds.json:1:1: configuration: cannot read no-such-folder/feeds.json: the file does not exist", problem.ToString());
    }

    [Fact]
    public void RelativeFileUrlsResolveAgainstTheFolderOfFeedsJson()
    {
        var directory = Directory.CreateTempSubdirectory("aggregator-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "feeds.json");
            File.WriteAllText(path, """
                {
                  "site": { "title": "Offline", "baseUrl": "http://localhost:8080" },
                  "sources": [
                    { "id": "stcn", "title": "证券时报网", "url": "file:feeds/stcn%20yw.xml", "categories": ["金融"] },
                    { "id": "abs", "title": "Absolute", "url": "file:///srv/feeds/abs.xml", "categories": ["金融"] }
                  ]
                }
                """);

            var settings = FeedsConfigLoader.Load(path).Settings!;

            Assert.Equal(Path.Combine(directory.FullName, "feeds", "stcn yw.xml"), settings.Sources[0].Url.LocalPath);
            Assert.True(settings.Sources[0].Url.IsFile);
            Assert.Equal("/srv/feeds/abs.xml", settings.Sources[1].Url.LocalPath);
            Assert.Equal(new Uri("http://localhost:8080/"), settings.Site.BaseUrl);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
