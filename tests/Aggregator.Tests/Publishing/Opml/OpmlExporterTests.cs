using System.Xml.Linq;
using Aggregator.Publishing;
using Aggregator.Publishing.Opml;
using Aggregator.Tests.Support;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Opml;

public sealed class OpmlExporterTests : IDisposable
{
    private readonly PublishingTempFolder _folder = new();

    [Fact]
    public async Task PublishedOpmlListsEveryEnabledSourceWithItsCategories()
    {
        var settings = Settings() with { Sources = [.. Settings().Sources, Source("off", "Disabled one", "金融") with { Enabled = false }] };
        var site = await PublishingTestSite.BuildAsync(settings, []);

        var opml = XDocument.Load(new MemoryStream(site.Find(SitePaths.Opml)!.Content));
        var outlines = opml.Root!.Element("body")!.Elements("outline").ToList();

        Assert.Equal("2.0", (string?)opml.Root.Attribute("version"));
        Assert.Equal("财经聚合", opml.Root.Element("head")!.Element("title")!.Value);
        Assert.Equal(["证券时报网", "MarketWatch"], outlines.Select(o => (string?)o.Attribute("text")));
        Assert.Equal("https://stcn.example.com/rss.xml", (string?)outlines[0].Attribute("xmlUrl"));
        Assert.Equal("rss", (string?)outlines[0].Attribute("type"));
        Assert.Equal("/金融,/要闻", (string?)outlines[0].Attribute("category"));
    }

    [Fact]
    public async Task ExportWithMergedFeedsAddsTheSiteFeedsAsAGroupAndIsIdempotent()
    {
        var exporter = new OpmlExporter(new AtomicFileWriter(TimeProvider.System));
        var path = _folder.File("out/sources.opml");

        Assert.True(await exporter.ExportAsync(Settings(), path, includeMergedFeeds: true, CancellationToken.None));
        Assert.False(await exporter.ExportAsync(Settings(), path, includeMergedFeeds: true, CancellationToken.None));

        var group = XDocument.Load(path).Root!.Element("body")!.Elements("outline").Last();
        Assert.Equal(
            ["https://news.example.org/feeds/all.atom", "https://news.example.org/feeds/finance.atom", "https://news.example.org/feeds/headlines.atom", "https://news.example.org/feeds/markets.atom"],
            group.Elements("outline").Select(o => (string?)o.Attribute("xmlUrl")));
    }

    public void Dispose() => _folder.Dispose();
}
