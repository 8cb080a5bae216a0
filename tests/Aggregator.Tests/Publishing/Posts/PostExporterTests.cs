using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Publishing.Posts;
using Aggregator.Tests.Support;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Posts;

public sealed class PostExporterTests : IDisposable
{
    private readonly PublishingTempFolder _folder = new();
    private readonly PostExporter _exporter = new(new AtomicFileWriter(TimeProvider.System));

    [Fact]
    public async Task EachArticleBecomesOneFileNamedByPositionAndLinkHash()
    {
        var store = new InMemoryArticleStore([Article("new", Noon), Article("old", Noon.AddDays(-1))]);

        var report = await _exporter.ExportAsync(store, _folder.Path, category: null, limit: null, CancellationToken.None);

        var oldName = "000_" + PostFileName.LinkHash("https://stcn.example.com/news/old.html") + ".txt";
        var newName = "001_" + PostFileName.LinkHash("https://stcn.example.com/news/new.html") + ".txt";
        Assert.Equal([oldName, newName], report.Written);
        Assert.Matches("^001_[0-9a-f]{16}\\.txt$", newName);
        Assert.StartsWith("\n---\ntitle: 'Story old'\n", File.ReadAllText(Path.Combine(_folder.Path, oldName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReExportWritesNothingWhenNothingChanged()
    {
        var store = new InMemoryArticleStore([Article("a", Noon), Article("b", Noon.AddHours(-1))]);
        await _exporter.ExportAsync(store, _folder.Path, null, null, CancellationToken.None);
        var times = Directory.EnumerateFiles(_folder.Path).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = await _exporter.ExportAsync(store, _folder.Path, null, null, CancellationToken.None);

        Assert.Empty(again.Written);
        Assert.Empty(again.Removed);
        Assert.Equal(2, again.Unchanged.Count);
        Assert.All(times, pair => Assert.Equal(pair.Value, File.GetLastWriteTimeUtc(pair.Key)));
    }

    [Fact]
    public async Task NewerArticleAddsOneFileAndKeepsTheOtherNames()
    {
        var store = new InMemoryArticleStore([Article("a", Noon)]);
        var first = await _exporter.ExportAsync(store, _folder.Path, null, null, CancellationToken.None);
        File.WriteAllText(Path.Combine(_folder.Path, "_config.yml"), "not ours");

        store.Add(Article("b", Noon.AddHours(1)));
        var second = await _exporter.ExportAsync(store, _folder.Path, null, null, CancellationToken.None);

        Assert.Equal(first.Written, second.Unchanged);
        Assert.Single(second.Written);
        Assert.StartsWith("001_", second.Written[0], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "_config.yml")));
    }

    [Fact]
    public async Task PostFilesTheExportNoLongerProducesAreRemoved()
    {
        var store = new InMemoryArticleStore([Article("a", Noon), Article("b", Noon.AddHours(-1), categories: ["Markets"])]);
        await _exporter.ExportAsync(store, _folder.Path, null, null, CancellationToken.None);

        var report = await _exporter.ExportAsync(store, _folder.Path, "Markets", null, CancellationToken.None);

        Assert.Single(report.Unchanged);
        Assert.Single(report.Removed);
        Assert.Single(Directory.EnumerateFiles(_folder.Path));
    }

    [Fact]
    public async Task LimitExportsOnlyTheNewest()
    {
        var store = new InMemoryArticleStore(Enumerable.Range(0, 7).Select(i => Article($"s{i}", Noon.AddMinutes(-i))));

        var report = await _exporter.ExportAsync(store, _folder.Path, null, limit: 3, CancellationToken.None);

        Assert.Equal(3, report.Written.Count);
        var titles = Directory.EnumerateFiles(_folder.Path).Order(StringComparer.Ordinal).Select(f => File.ReadAllLines(f)[2]).ToList();
        Assert.Equal(["title: 'Story s2'", "title: 'Story s1'", "title: 'Story s0'"], titles);
    }

    [Fact]
    public async Task ExportReadsPastOneStorePage()
    {
        var store = new InMemoryArticleStore(Enumerable.Range(0, 520).Select(i => Article($"s{i:000}", Noon.AddMinutes(-i))));

        var report = await _exporter.ExportAsync(store, _folder.Path, null, null, CancellationToken.None);

        Assert.Equal(520, report.Written.Count);
        Assert.StartsWith("000_" + PostFileName.LinkHash("https://stcn.example.com/news/s519.html"), report.Written[0], StringComparison.Ordinal);
        Assert.StartsWith("519_" + PostFileName.LinkHash("https://stcn.example.com/news/s000.html"), report.Written[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void PositionsBeyondThreeDigitsWidenTheName()
    {
        Assert.Equal("1234_" + PostFileName.LinkHash("https://x.example/a") + ".txt", PostFileName.For(1234, "https://x.example/a"));
        Assert.True(PostFileName.IsPostFileName(PostFileName.For(1234, "https://x.example/a")));
        Assert.False(PostFileName.IsPostFileName("12_abcdefabcdefabcd.txt"));
    }

    public void Dispose() => _folder.Dispose();
}
