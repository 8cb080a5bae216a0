using Aggregator.Publishing;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing;

public sealed class SitePublisherTests : IDisposable
{
    private readonly PublishingTempFolder _folder = new();

    [Fact]
    public async Task FirstPublishWritesEveryFileAndTheSecondWritesNone()
    {
        using var publisher = Publisher();
        var store = new InMemoryArticleStore([Article("a", Noon), Article("b", Noon.AddHours(-1), sourceId: "mw", categories: ["Markets"])]);

        var first = await publisher.PublishAsync(Settings(), store, CancellationToken.None);
        var (second, published) = await publisher.PublishSiteAsync(Settings(), store, CancellationToken.None);

        string[] expected = ["feeds/all.atom", "feeds/finance.atom", "feeds/headlines.atom", "feeds/markets.atom", "index.html", "sources.opml"];
        Assert.Equal(expected, first.Written.Order(StringComparer.Ordinal));
        Assert.Empty(first.Unchanged);
        Assert.Empty(second.Written);
        Assert.Equal(expected, second.Unchanged.Order(StringComparer.Ordinal));
        Assert.All(expected, path => Assert.Equal(published.Find(path)!.Content, File.ReadAllBytes(_folder.File(path))));
    }

    [Fact]
    public async Task NewArticleRewritesOnlyTheFeedsItAppearsIn()
    {
        using var publisher = Publisher();
        var store = new InMemoryArticleStore([Article("a", Noon)]);
        await publisher.PublishAsync(Settings(), store, CancellationToken.None);

        store.Add(Article("m", Noon.AddHours(1), sourceId: "mw", categories: ["Markets"]));
        var report = await publisher.PublishAsync(Settings(), store, CancellationToken.None);

        Assert.Equal(["feeds/all.atom", "feeds/markets.atom", "index.html"], report.Written.Order(StringComparer.Ordinal));
        Assert.Contains("feeds/finance.atom", report.Unchanged);
    }

    [Fact]
    public async Task FileChangedOnDiskBehindThePublishersBackIsRepaired()
    {
        using var publisher = Publisher();
        var store = new InMemoryArticleStore([Article("a", Noon)]);
        await publisher.PublishAsync(Settings(), store, CancellationToken.None);
        var path = _folder.File("feeds/all.atom");
        var good = File.ReadAllBytes(path);
        File.WriteAllBytes(path, new byte[good.Length]);
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var report = await publisher.PublishAsync(Settings(), store, CancellationToken.None);

        Assert.Equal(["feeds/all.atom"], report.Written);
        Assert.Equal(good, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task PagesThatNoLongerExistAreRemoved()
    {
        var store = new InMemoryArticleStore(Enumerable.Range(0, 5).Select(i => Article($"p{i}", Noon.AddMinutes(-i), sourceId: "mw", categories: ["Markets"])));
        using (var small = Publisher())
            await small.PublishAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);
        Assert.True(File.Exists(_folder.File("feeds/markets/page-3.atom")));
        File.WriteAllText(_folder.File("feeds/markets/notes.txt"), "an admin's file");

        using var large = Publisher();
        await large.PublishAsync(Settings(entriesPerFeed: 10), store, CancellationToken.None);

        Assert.False(File.Exists(_folder.File("feeds/markets/page-2.atom")));
        Assert.False(File.Exists(_folder.File("feeds/markets/page-3.atom")));
        Assert.True(File.Exists(_folder.File("feeds/markets/notes.txt")));
    }

    [Fact]
    public async Task CategorySlugAllIsRefusedBecauseItIsTheFeedOfEverything()
    {
        using var publisher = Publisher();
        var settings = Settings() with { Categories = [new("全部", "all")] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(settings, new InMemoryArticleStore(), CancellationToken.None));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFileSystemEntries(_folder.Path).Any());
    }

    private SitePublisher Publisher()
    {
        var options = Options(_folder.Path);
        return new SitePublisher(new SiteBuilder(options), new SiteFileWriter(new AtomicFileWriter(TimeProvider.System)), options, NullLogger<SitePublisher>.Instance);
    }

    public void Dispose() => _folder.Dispose();
}
