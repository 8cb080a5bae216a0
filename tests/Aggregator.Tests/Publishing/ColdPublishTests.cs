using Aggregator.Http;
using Aggregator.Publishing;
using Aggregator.Publishing.Atom;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing;

/// <summary>A cold publish (nothing cached in page files, as after start-up) writes each feed's archive pages as the feed is built.</summary>
public sealed class ColdPublishTests : IDisposable
{
    private readonly PublishingTempFolder _folder = new();

    [Fact]
    public async Task ColdPublishWritesTheSameBytesAsASiteBuiltWholeInMemory()
    {
        var store = Store();
        var expected = await new SiteBuilder(Options(_folder.Path)).BuildAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);
        using var publisher = Publisher(new EntryFragmentCache());

        var (report, published) = await publisher.PublishSiteAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);

        Assert.Equal(expected.Files.Select(f => f.Path), published.Files.Select(f => f.Path));
        Assert.Equal(expected.Files.Select(f => f.Path).Order(StringComparer.Ordinal), report.Written.Order(StringComparer.Ordinal));
        foreach (var file in expected.Files)
        {
            var kept = published.Find(file.Path)!;
            Assert.Equal(file.Content, File.ReadAllBytes(_folder.File(file.Path)));
            Assert.Equal(PublishedFile.HashOf(file.Content), kept.Hash);
            Assert.Equal(file.Content.Length, kept.Length);
            Assert.Equal(file.LastModified, kept.LastModified);
        }
        // Archive pages left memory as they were written; first pages, index and OPML stay for HTTP.
        var archive = published.Files.Where(f => f.Path.Contains("/page-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(archive);
        Assert.All(archive, f => Assert.True(f.Written is { Changed: true } && f.Content.Length == 0));
        Assert.All(published.Files.Except(archive), f => Assert.Null(f.Written));
    }

    [Fact]
    public async Task RepublishesAfterNewArticlesWriteEarlyTooAndMatchAFreshBuildEachTime()
    {
        var store = Store();
        var cache = new EntryFragmentCache();
        using var publisher = Publisher(cache);
        await publisher.PublishAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);
        Assert.Equal(0, cache.InMemoryCount);

        for (var round = 1; round <= 4; round++)
        {
            // Every feed shifts: its pages are replaced while other feeds still hold entries placed in them.
            store.Add(Article($"n{round}", Noon.AddHours(round), sourceId: round % 2 == 0 ? "mw" : "stcn", categories: round % 2 == 0 ? ["Markets"] : null));
            var fetchedBefore = store.Fetched.Count;
            var (_, site) = await publisher.PublishSiteAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);
            var fetched = store.Fetched.Skip(fetchedBefore).Distinct().ToList();

            var fresh = await new SiteBuilder(Options()).BuildAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);
            Assert.Equal(fresh.Files.Select(f => f.Path), site.Files.Select(f => f.Path));
            Assert.All(fresh.Files, f => Assert.Equal(f.Content, File.ReadAllBytes(_folder.File(f.Path))));
            Assert.All(fresh.Files, f => Assert.Equal(PublishedFile.HashOf(f.Content), site.Find(f.Path)!.Hash));
            Assert.Contains(site.Files, f => f.Written is { Changed: true });
            // Only the new article was fetched: no entry was lost to a page replaced under another feed.
            Assert.Equal([$"n{round}"], fetched);
            Assert.Equal(0, cache.InMemoryCount);
        }
    }

    [Fact]
    public async Task ColdPublishOverAnIdenticalOutputFolderRewritesNothing()
    {
        var store = Store();
        using (var first = Publisher(new EntryFragmentCache()))
            await first.PublishAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);
        var times = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories).ToDictionary(p => p, File.GetLastWriteTimeUtc);

        using var restarted = Publisher(new EntryFragmentCache());
        var (report, published) = await restarted.PublishSiteAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);

        Assert.Empty(report.Written);
        Assert.Contains(published.Files, f => f.Written is { Changed: false });
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }

    [Fact]
    public async Task HttpServesAnEarlyWrittenPageWithTheETagOfItsBytes()
    {
        var store = Store();
        var expected = await new SiteBuilder(Options(_folder.Path)).BuildAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);
        using var publisher = Publisher(new EntryFragmentCache());
        var (_, published) = await publisher.PublishSiteAsync(Settings(entriesPerFeed: 2), store, CancellationToken.None);
        var served = new ServedSite(
            Microsoft.Extensions.Options.Options.Create(new HttpOptions()), Options(_folder.Path), TimeProvider.System, NullLogger<ServedSite>.Instance);

        served.Update(published);

        var page = served.FindArchivePage("/feeds/markets/page-2.atom")!;
        Assert.Equal(PublishedFile.HashOf(expected.Find("feeds/markets/page-2.atom")!.Content), page.Hash);
    }

    [Fact]
    public void AFileWrittenWithoutItsHashSaysSoInsteadOfNamingWrongBytes()
    {
        var file = new PublishedFile("feeds/x/page-2.atom", [1, 2, 3], "application/atom+xml", null);

        var kept = file.AfterWrite(changed: true, keepHash: true);
        var dropped = file.AfterWrite(changed: true, keepHash: false);

        Assert.Equal(PublishedFile.HashOf(file.Content), kept.Hash);
        Assert.Equal(3, dropped.Length);
        Assert.Contains("feeds/x/page-2.atom", Assert.Throws<InvalidOperationException>(() => dropped.Hash).Message, StringComparison.Ordinal);
    }

    private static InMemoryArticleStore Store() =>
        new(Enumerable.Range(0, 9).Select(i => Article($"p{i}", Noon.AddMinutes(-i), sourceId: i % 3 == 0 ? "mw" : "stcn", categories: i % 3 == 0 ? ["Markets"] : null)));

    private SitePublisher Publisher(EntryFragmentCache cache)
    {
        var options = Options(_folder.Path);
        return new SitePublisher(new SiteBuilder(options, cache), new SiteFileWriter(new AtomicFileWriter(TimeProvider.System)), options, NullLogger<SitePublisher>.Instance);
    }

    public void Dispose() => _folder.Dispose();
}
