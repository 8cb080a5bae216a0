using Aggregator.Publishing;
using Aggregator.Publishing.Atom;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Atom;

/// <summary>The entry cache after a publisher wrote the site: every entry as a place in its page's file, none in memory.</summary>
public sealed class EntryFragmentSpillTests : IDisposable
{
    private const int PerPage = 2;
    private readonly PublishingTempFolder _folder = new();
    private readonly EntryFragmentCache _cache = new();

    [Fact]
    public async Task NoEntryStaysInMemoryAndARepublishReadsThemBackFromTheirFiles()
    {
        using var publisher = Publisher();
        var store = Store(12);
        await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);

        Assert.Equal(12, _cache.Count);
        Assert.Equal(0, _cache.InMemoryCount);

        store.Add(Article("new", Noon.AddHours(1)));
        var fetchedBefore = store.Fetched.Count;
        var (_, second) = await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);

        // Only the new article was fetched and rendered (by each feed that missed it at once); every
        // shifted page still has the bytes of a fresh build.
        Assert.Equal(["new"], store.Fetched.Skip(fetchedBefore).Distinct());
        await AssertSameAsFreshBuildAsync(second, store);
        Assert.Equal(0, _cache.InMemoryCount);
    }

    [Fact]
    public async Task FirstPagesChangedBehindThePublishersBackAreNotTrustedAndTheirEntriesAreRenderedAgain()
    {
        using var publisher = Publisher();
        var store = Store(12);
        await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);
        foreach (var firstPage in Directory.GetFiles(_folder.File("feeds"), "*.atom"))
            File.WriteAllText(firstPage, "<feed>edited by hand</feed>");

        var fetchedBefore = store.Fetched.Count;
        var (_, site) = await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);

        await AssertSameAsFreshBuildAsync(site, store);
        Assert.Equal(site.Find("feeds/finance.atom")!.Content, File.ReadAllBytes(_folder.File("feeds/finance.atom")));
        Assert.NotEmpty(store.Fetched.Skip(fetchedBefore));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnArchivePageChangedBehindThePublishersBackIsNotTrustedAndItsEntriesAreRenderedAgain(bool sameSizeAndTime)
    {
        using var publisher = Publisher();
        var store = Store(12);
        await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);
        var page = _folder.File("feeds/finance/page-3.atom");
        var original = new FileInfo(page);
        var length = original.Length;
        var time = original.LastWriteTimeUtc;
        if (sameSizeAndTime)
        {
            File.WriteAllBytes(page, Enumerable.Repeat((byte)'x', (int)length).ToArray());
            File.SetLastWriteTimeUtc(page, time);
        }
        else
        {
            File.WriteAllText(page, "<feed>edited by hand</feed>");
        }

        store.Add(Article("new", Noon.AddHours(1)));
        var fetchedBefore = store.Fetched.Count;
        var (_, site) = await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);

        await AssertSameAsFreshBuildAsync(site, store);
        Assert.True(store.Fetched.Skip(fetchedBefore).Distinct().Count() > 1, "entries of the edited page must be fetched and rendered again");
    }

    [Fact]
    public async Task AnArchivePageDeletedBetweenPublishesIsWrittenAgainFromRenderedEntries()
    {
        using var publisher = Publisher();
        var store = Store(12);
        await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);
        Directory.Delete(_folder.File("feeds/finance"), recursive: true);

        var (_, site) = await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);

        await AssertSameAsFreshBuildAsync(site, store);
        Assert.True(File.Exists(_folder.File("feeds/finance/page-2.atom")));
    }

    private static InMemoryArticleStore Store(int count) =>
        new(Enumerable.Range(0, count).Select(i => Article($"a{i:D2}", Noon.AddMinutes(-i))));

    private async Task AssertSameAsFreshBuildAsync(PublishedSite site, InMemoryArticleStore store)
    {
        var fresh = await new SiteBuilder(Options()).BuildAsync(Settings(PerPage), store, CancellationToken.None);
        Assert.Equal(fresh.Files.Select(f => f.Path), site.Files.Select(f => f.Path));
        // Archive pages were written as their feed was built: their bytes are on disk, their hash kept.
        Assert.All(fresh.Files, f => Assert.Equal(f.Content, File.ReadAllBytes(_folder.File(f.Path))));
        Assert.All(fresh.Files, f => Assert.Equal(PublishedFile.HashOf(f.Content), site.Find(f.Path)!.Hash));
        Assert.All(site.Files.Where(f => f.Written is null), f => Assert.Equal(f.Content, fresh.Find(f.Path)!.Content));
    }

    private SitePublisher Publisher()
    {
        var options = Options(_folder.Path);
        return new SitePublisher(new SiteBuilder(options, _cache), new SiteFileWriter(new AtomicFileWriter(TimeProvider.System)), options, NullLogger<SitePublisher>.Instance);
    }

    public void Dispose() => _folder.Dispose();
}
