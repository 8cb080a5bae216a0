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
    public SiteBuilder(IOptions<PublishingOptions> options)
        : this(options, new EntryFragmentCache())
    {
    }

    public async Task<PublishedSite> BuildAsync(AggregatorSettings settings, IArticleStore store, CancellationToken cancellationToken)
    {
        var site = settings.Site;
        var perPage = Math.Max(1, site.EntriesPerFeed);
        var maxPages = Math.Max(1, options.Value.MaxPagesPerFeed);
        var baseUrl = SitePaths.EnsureSlash(site.BaseUrl);
        var configured = settings.Categories.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var entryWriter = new AtomEntryWriter(baseUrl, configured);
        cache.Begin(baseUrl.AbsoluteUri + "\u001F" + string.Join("\u001F", configured.Order(StringComparer.Ordinal)));
        Func<PublishedArticle, byte[]> render = article => cache.GetOrRender(article, entryWriter);

        var feedFiles = new List<PublishedFile>();
        var pageFiles = new List<PublishedFile>();
        var summaries = new List<FeedSummary>();
        foreach (var category in settings.Categories)
        {
            if (string.Equals(category.Slug, SitePaths.AllSlug, StringComparison.Ordinal))
                throw new InvalidOperationException($"publish: the category '{category.Name}' has the slug '{SitePaths.AllSlug}', which is reserved for the feed of everything.");
            var articles = await store.GetLatestAsync(category.Name, perPage * maxPages, 0, cancellationToken);
            summaries.Add(AddFeed(render, site, category.Name, category.Slug, FeedTitles.Category(site, category), articles, perPage, feedFiles, pageFiles));
        }
        var everything = await store.GetLatestAsync(null, perPage * maxPages, 0, cancellationToken);
        summaries.Insert(0, AddFeed(render, site, "All categories", SitePaths.AllSlug, FeedTitles.All(site), everything, perPage, feedFiles, pageFiles));

        var health = await store.GetAllHealthAsync(cancellationToken);
        var files = new List<PublishedFile>(feedFiles);
        files.AddRange(pageFiles);
        files.Add(new PublishedFile(SitePaths.Index, IndexPageWriter.Write(settings, summaries, health),
            IndexPageWriter.ContentType, IndexPageWriter.LastModified(summaries, health)));
        files.Add(new PublishedFile(SitePaths.Opml,
            OpmlWriter.Write(settings, options.Value.OpmlIncludesMergedFeeds ? summaries : null), OpmlWriter.ContentType, null));
        cache.Sweep();
        return new PublishedSite(files);
    }

    private static FeedSummary AddFeed(
        Func<PublishedArticle, byte[]> render, SiteDefinition site, string name, string slug, string title,
        IReadOnlyList<PublishedArticle> articles, int perPage, List<PublishedFile> feedFiles, List<PublishedFile> pageFiles)
    {
        var baseUrl = SitePaths.EnsureSlash(site.BaseUrl);
        // One story, one entry: a store that returned an article twice must not make a duplicate atom:id.
        articles = articles.DistinctBy(a => a.ArticleId, StringComparer.Ordinal).ToList();
        var pageCount = Math.Max(1, (articles.Count + perPage - 1) / perPage);
        var feedId = FeedIdentity.FeedId(baseUrl, slug);
        var feedUpdated = AtomNames.EmptyFeedUpdated;
        for (var page = 1; page <= pageCount; page++)
        {
            var entries = articles.Skip((page - 1) * perPage).Take(perPage).ToList();
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
                Entries = entries,
            };
            var updated = AtomFeedWriter.Updated(document);
            var file = new PublishedFile(SitePaths.FeedPage(slug, page), AtomFeedWriter.Write(document, render), AtomNames.ContentType, updated);
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
        return new FeedSummary(name, slug, title, articles.Count, feedUpdated);
    }
}
