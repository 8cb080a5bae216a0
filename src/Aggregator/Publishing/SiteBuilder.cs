using Aggregator.Model;
using Aggregator.Publishing.Atom;
using Aggregator.Publishing.Html;
using Aggregator.Publishing.Opml;
using Aggregator.Storage;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

/// <summary>
/// Builds every published file in memory from the store: a paged Atom feed per category and one of
/// everything, <c>index.html</c> and <c>sources.opml</c>. The same input always gives the same bytes.
/// </summary>
internal sealed class SiteBuilder(IOptions<PublishingOptions> options, EntryFragmentCache cache)
{
    private static readonly int ConcurrentFeeds = Math.Clamp(Environment.ProcessorCount, 2, 4);
    private const int WritesInFlight = 2;

    public SiteBuilder(IOptions<PublishingOptions> options)
        : this(options, new EntryFragmentCache())
    {
    }

    public Task<PublishedSite> BuildAsync(AggregatorSettings settings, IArticleStore store, CancellationToken cancellationToken) =>
        BuildAsync(settings, store, early: null, cancellationToken);

    /// <summary>
    /// Builds the site; with <paramref name="early"/>, each feed's archive pages are written as soon as
    /// the feed is built, and the site keeps what the write returns (the pages written, their bytes
    /// dropped: <see cref="PublishedFile.AfterWrite"/>). Over 1,000,000 articles the whole site was
    /// 365 MB held until the end of the publish, and a republish held as much again of the previous
    /// pages read back for their cached entries: together most of `serve`'s peak. Written feed by
    /// feed, a few feeds' pages are in memory at once. Cached entries that still live in a page file
    /// about to be replaced are first copied out of it (<see cref="EntryFragmentCache.Evacuate"/>), so
    /// the feeds built later find them as before.
    /// </summary>
    public async Task<PublishedSite> BuildAsync(
        AggregatorSettings settings, IArticleStore store, ArchivePageWriter? early, CancellationToken cancellationToken)
    {
        var site = settings.Site;
        var perPage = Math.Max(1, site.EntriesPerFeed);
        var maxPages = Math.Max(1, options.Value.MaxPagesPerFeed);
        var baseUrl = SitePaths.EnsureSlash(site.BaseUrl);
        var configured = settings.Categories.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var entryWriter = new AtomEntryWriter(baseUrl, configured);
        var pages = new PageFileReader();
        cache.Begin(baseUrl.AbsoluteUri + "\u001F" + string.Join("\u001F", configured.Order(StringComparer.Ordinal)));

        foreach (var category in settings.Categories)
        {
            if (string.Equals(category.Slug, SitePaths.AllSlug, StringComparison.Ordinal))
                throw new InvalidOperationException($"publish: the category '{category.Name}' has the slug '{SitePaths.AllSlug}', which is reserved for the feed of everything.");
        }

        // The feed of everything last, as the files are listed; its summary leads the index.
        var feeds = settings.Categories.Select(c => (Category: (string?)c.Name, Name: c.Name, c.Slug, Title: FeedTitles.Category(site, c)))
            .Append((Category: null, Name: "All categories", Slug: SitePaths.AllSlug, Title: FeedTitles.All(site)))
            .ToList();
        var built = new (FeedSummary Summary, List<PublishedFile> FeedFiles, IReadOnlyList<PublishedFile> PageFiles)[feeds.Count];
        // Early writes run beside the builds (a feed does not wait for its pages' fsyncs), at most
        // WritesInFlight feeds' pages at once so the pages waiting in memory stay few.
        var writes = new Task<IReadOnlyList<PublishedFile>>?[feeds.Count];
        using var inFlight = new SemaphoreSlim(WritesInFlight);
        try
        {
            // Feeds are independent (the entry cache is shared and locked): while one waits for its keys
            // from the store another renders or assembles its pages. The order of the files stays fixed.
            await Parallel.ForEachAsync(Enumerable.Range(0, feeds.Count),
                new ParallelOptions { MaxDegreeOfParallelism = ConcurrentFeeds, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var feed = feeds[i];
                    var keys = await store.GetLatestKeysAsync(feed.Category, perPage * maxPages, 0, token);
                    var entries = await EntriesAsync(store, entryWriter, pages, keys, token);
                    var feedFiles = new List<PublishedFile>(1);
                    var pageFiles = new List<PublishedFile>(maxPages);
                    var summary = AddFeed(site, feed.Name, feed.Slug, feed.Title, entries, perPage, feedFiles, pageFiles);
                    if (early is not null && pageFiles.Count > 0)
                    {
                        await inFlight.WaitAsync(token);
                        writes[i] = WriteEarlyReleasingAsync(early, pages, pageFiles, inFlight, cancellationToken);
                        pageFiles = [];
                    }
                    built[i] = (summary, feedFiles, pageFiles);
                });
        }
        finally
        {
            // A failed build still waits for the writes it started (they spill into the cache).
            await Task.WhenAll(writes.OfType<Task>()).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        for (var i = 0; i < built.Length; i++)
        {
            if (writes[i] is { } write)
                built[i].PageFiles = await write;
        }
        var summaries = built.Select(b => b.Summary).ToList();
        summaries.Insert(0, summaries[^1]);
        summaries.RemoveAt(summaries.Count - 1);

        var health = await store.GetAllHealthAsync(cancellationToken);
        var files = built.SelectMany(b => b.FeedFiles).Concat(built.SelectMany(b => b.PageFiles)).ToList();
        files.Add(new PublishedFile(SitePaths.Index, IndexPageWriter.Write(settings, summaries, health),
            IndexPageWriter.ContentType, IndexPageWriter.LastModified(summaries, health)));
        files.Add(new PublishedFile(SitePaths.Opml,
            OpmlWriter.Write(settings, options.Value.OpmlIncludesMergedFeeds ? summaries : null), OpmlWriter.ContentType, null));
        cache.Sweep();
        return new PublishedSite(files);
    }

    /// <summary>
    /// After the site was written under <paramref name="root"/>: the cache keeps its entries as places
    /// in the page files, so the pages' bytes need not stay in memory.
    /// </summary>
    public void Spill(string root) => Spill(root, null);

    private async Task<IReadOnlyList<PublishedFile>> WriteEarlyReleasingAsync(
        ArchivePageWriter early, PageFileReader pages, List<PublishedFile> pageFiles, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            // Off the feed's own flow: its caller goes on with the next feed.
            await Task.Yield();
            return await WriteEarlyAsync(early, pages, pageFiles, cancellationToken);
        }
        finally
        {
            inFlight.Release();
        }
    }

    /// <summary>Writes one feed's archive pages before the rest of the site is built (see <see cref="BuildAsync(AggregatorSettings, IArticleStore, ArchivePageWriter?, CancellationToken)"/>).</summary>
    private async Task<IReadOnlyList<PublishedFile>> WriteEarlyAsync(ArchivePageWriter early, PageFileReader pages, List<PublishedFile> pageFiles, CancellationToken cancellationToken)
    {
        var fullRoot = Path.GetFullPath(early.Root);
        var fullPaths = pageFiles.Select(f => SiteFileWriter.Resolve(fullRoot, f.Path)).ToList();
        foreach (var fullPath in fullPaths)
            cache.Evacuate(fullPath, pages);
        var written = await early.WriteAsync(pageFiles, cancellationToken);
        Spill(early.Root, pageFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal));
        // What was read of these files is in the cache's new places now (or copied out above).
        foreach (var fullPath in fullPaths)
            pages.Forget(fullPath);
        return written;
    }

    /// <summary>As <see cref="Spill(string)"/>, for the entries placed on <paramref name="pagePaths"/> only (all when null).</summary>
    public void Spill(string root, IReadOnlySet<string>? pagePaths)
    {
        var fullRoot = Path.GetFullPath(root);
        cache.Spill(pagePaths, (path, length) => SpilledPage.Of(SiteFileWriter.Resolve(fullRoot, path)) is { } file && file.Length == length ? file : null);
    }

    /// <summary>
    /// The rendered entries of a feed, newest first: from the cache where it holds this version of the
    /// article, else fetched (all of the feed's misses in one read) and rendered. An article deleted
    /// between the two reads is left out, as the next publish would.
    /// </summary>
    private async Task<List<PageEntry>> EntriesAsync(
        IArticleStore store, AtomEntryWriter entryWriter, PageFileReader pages, IReadOnlyList<LatestArticleKey> keys, CancellationToken cancellationToken)
    {
        // One story, one entry: a store that returned an article twice must not make a duplicate atom:id.
        var distinct = keys.DistinctBy(k => k.ArticleId, StringComparer.Ordinal).ToList();
        var fragments = new ReadOnlyMemory<byte>?[distinct.Count];
        var misses = new List<int>();
        for (var i = 0; i < distinct.Count; i++)
        {
            if (cache.TryGet(distinct[i], pages, out var fragment))
                fragments[i] = fragment;
            else
                misses.Add(i);
        }
        if (misses.Count > 0)
        {
            var fetched = new Dictionary<string, PublishedArticle>(misses.Count, StringComparer.Ordinal);
            foreach (var article in await store.GetArticlesAsync([.. misses.Select(i => distinct[i])], cancellationToken))
                fetched.TryAdd(article.ArticleId, article);
            foreach (var i in misses)
            {
                if (!fetched.TryGetValue(distinct[i].ArticleId, out var article))
                    continue;
                var fragment = entryWriter.Render(article);
                cache.Add(distinct[i], fragment);
                fragments[i] = fragment;
            }
        }
        var entries = new List<PageEntry>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            if (fragments[i] is { } fragment)
                entries.Add(new PageEntry(distinct[i], AtomEntryWriter.Updated(distinct[i]), fragment));
        }
        return entries;
    }

    private FeedSummary AddFeed(
        SiteDefinition site, string name, string slug, string title,
        List<PageEntry> entries, int perPage, List<PublishedFile> feedFiles, List<PublishedFile> pageFiles)
    {
        var baseUrl = SitePaths.EnsureSlash(site.BaseUrl);
        var pageCount = Math.Max(1, (entries.Count + perPage - 1) / perPage);
        var feedId = FeedIdentity.FeedId(baseUrl, slug);
        var feedUpdated = AtomNames.EmptyFeedUpdated;
        for (var page = 1; page <= pageCount; page++)
        {
            var onPage = entries.Skip((page - 1) * perPage).Take(perPage).ToList();
            // The newest entry's updated time, or a fixed instant for an empty page (no clock).
            var updated = onPage.Count == 0 ? AtomNames.EmptyFeedUpdated : onPage.Max(e => e.Updated);
            var document = new AtomFeedPage
            {
                FeedId = feedId,
                Title = title,
                Author = FeedTitles.Author(site),
                Self = SitePaths.Absolute(baseUrl, SitePaths.FeedPage(slug, page)),
                Alternate = baseUrl,
                First = SitePaths.Absolute(baseUrl, SitePaths.FeedPage(slug, 1)),
                Previous = page > 1 ? SitePaths.Absolute(baseUrl, SitePaths.FeedPage(slug, page - 1)) : null,
                Next = page < pageCount ? SitePaths.Absolute(baseUrl, SitePaths.FeedPage(slug, page + 1)) : null,
                Last = SitePaths.Absolute(baseUrl, SitePaths.FeedPage(slug, pageCount)),
                Updated = updated,
                Entries = [.. onPage.Select(e => e.Fragment)],
            };
            var path = SitePaths.FeedPage(slug, page);
            var offsets = new int[onPage.Count];
            var bytes = AtomFeedWriter.Write(document, offsets);
            // From here on the cache keeps each entry as its slice of this page, not as its own array.
            for (var i = 0; i < onPage.Count; i++)
                cache.Place(onPage[i].Key, bytes, offsets[i], onPage[i].Fragment.Length, path, firstPage: page == 1);
            var file = new PublishedFile(path, bytes, AtomNames.ContentType, updated);
            if (page == 1)
            {
                feedUpdated = updated;
                feedFiles.Add(file);
            }
            else
            {
                pageFiles.Add(file);
            }
        }
        return new FeedSummary(name, slug, title, entries.Count, feedUpdated);
    }
}
