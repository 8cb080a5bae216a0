using Aggregator.Model;
using Aggregator.Tests.Support;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Atom;

/// <summary>The published feeds against the RELAX NG schema of RFC 4287's appendix, with xmllint.</summary>
public sealed class AtomSchemaTests : IDisposable
{
    private readonly PublishingTempFolder _folder = new();

    [PublishingXmllintFact]
    public async Task PublishedFeedsAndPagesValidateAgainstTheRfc4287Schema()
    {
        var related = Article("r", Noon, thumbnail: "https://img.example.com/r.webp") with
        {
            AlsoReportedBy = [new RelatedReport("mw", "MarketWatch", "https://mw.example.com/news/r.html")],
        };
        var noSummary = Article("n", Noon.AddHours(-1), categories: ["金融", "own tag"]);
        noSummary = noSummary with { Article = noSummary.Article with { Summary = "", Author = "" } };
        var site = await PublishingTestSite.BuildAsync(Settings(entriesPerFeed: 1), [related, noSummary, Article("o", Noon.AddHours(-2))]);
        var schema = Path.Combine(AppContext.BaseDirectory, "TestData", "Publishing", "atom.rng");

        foreach (var path in new[] { "feeds/all.atom", "feeds/all/page-2.atom", "feeds/finance.atom", "feeds/markets.atom" })
        {
            var file = _folder.File(path.Replace('/', '_'));
            await File.WriteAllBytesAsync(file, site.Find(path)!.Content);

            var (exitCode, output) = PublishingXmllint.ValidateRelaxNg(schema, file);

            Assert.True(exitCode == 0, $"{path} does not validate: {output}");
        }
    }

    [PublishingXmllintFact]
    public void SchemaRejectsAFeedWithoutAnId()
    {
        var schema = Path.Combine(AppContext.BaseDirectory, "TestData", "Publishing", "atom.rng");
        var file = _folder.File("broken.atom");
        File.WriteAllText(file, """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>2021-01-01T00:00:00Z</updated></feed>
            """);

        var (exitCode, _) = PublishingXmllint.ValidateRelaxNg(schema, file);

        Assert.NotEqual(0, exitCode);
    }

    public void Dispose() => _folder.Dispose();
}
