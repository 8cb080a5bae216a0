using Aggregator.Publishing;
using Aggregator.Publishing.Atom;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing.Atom;

/// <summary>The entry cache after a publisher wrote the site: first pages in memory, the rest as places in the archive page files.</summary>
public sealed class EntryFragmentSpillTests : IDisposable
{
    private const int PerPage = 2;
    private readonly PublishingTempFolder _folder = new();
    private readonly EntryFragmentCache _cache = new();

    [Fact]
    public async Task OnlyFirstPageEntriesStayInMemoryAndARepublishReadsTheOthersBackFromTheirFiles()
    {
        using var publisher = Publisher();
        var store = Store(12);
        var (_, first) = await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);
        var onFirstPages = FirstPageEntryCount(first);

        Assert.Equal(12, _cache.Count);
        Assert.Equal(onFirstPages, _cache.InMemoryCount);
        Assert.True(_cache.InMemoryCount < _cache.Count);

        store.Add(Article("new", Noon.AddHours(1)));
        var fetchedBefore = store.Fetched.Count;
        var (_, second) = await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);

        // Only the new article was fetched and rendered (by each feed that missed it at once); every
        // shifted page still has the bytes of a fresh build.
        Assert.Equal(["new"], store.Fetched.Skip(fetchedBefore).Distinct());
        await AssertSameAsFreshBuildAsync(second, store);
        Assert.Equal(FirstPageEntryCount(second), _cache.InMemoryCount);
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
        Assert.Equal(site.Find("feeds/finance/page-2.atom")!.Content, File.ReadAllBytes(_folder.File("feeds/finance/page-2.atom")));
    }

    [Fact]
    public async Task AnUnchangedFirstPageKeepsThePreviousPublishsArraySoEveryHolderSharesOneCopy()
    {
        using var publisher = Publisher();
        var store = Store(5);
        var (_, first) = await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);
        var (_, second) = await publisher.PublishSiteAsync(Settings(PerPage), store, CancellationToken.None);

        Assert.Same(first.Find("feeds/all.atom")!.Content, second.Find("feeds/all.atom")!.Content);
        Assert.NotSame(first.Find("feeds/all/page-2.atom")!.Content, second.Find("feeds/all/page-2.atom")!.Content);
        Assert.Equal(4, _cache.FirstPageCount);
    }

    private static InMemoryArticleStore Store(int count) =>
        new(Enumerable.Range(0, count).Select(i => Article($"a{i:D2}", Noon.AddMinutes(-i))));

    private static int FirstPageEntryCount(PublishedSite site) =>
        site.Files.Where(f => f.Path.EndsWith(".atom", StringComparison.Ordinal) && !f.Path.Contains("/page-", StringComparison.Ordinal))
            .SelectMany(f => PublishingTestSite.Entries(PublishingTestSite.Feed(site, f.Path)).Select(e => e.Element(PublishingTestSite.AtomNs + "id")!.Value))
            .Distinct(StringComparer.Ordinal)
            .Count();

    private static async Task AssertSameAsFreshBuildAsync(PublishedSite site, InMemoryArticleStore store)
    {
        var fresh = await new SiteBuilder(Options()).BuildAsync(Settings(PerPage), store, CancellationToken.None);
        Assert.Equal(fresh.Files.Select(f => f.Path), site.Files.Select(f => f.Path));
        Assert.All(fresh.Files, f => Assert.Equal(f.Content, site.Find(f.Path)!.Content));
    }

    private SitePublisher Publisher()
    {
        var options = Options(_folder.Path);
        return new SitePublisher(new SiteBuilder(options, _cache), new SiteFileWriter(new AtomicFileWriter(TimeProvider.System)), options, NullLogger<SitePublisher>.Instance);
    }

    public void Dispose() => _folder.Dispose();
}
