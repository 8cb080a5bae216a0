using Aggregator.Model;
using Aggregator.Storage;

namespace Aggregator.Publishing.Posts;

/// <summary>
/// The <c>export posts --out DIR</c> command's work: one post file per stored article, written
/// atomically and only when its bytes change; post files of an earlier export that this one no longer
/// produces (renamed or gone) are removed, so the folder mirrors the store. Other files are left alone.
/// </summary>
internal sealed class PostExporter(AtomicFileWriter writer)
{
    private const int PageSize = 500;

    /// <param name="category">Only this category, or null for everything.</param>
    /// <param name="limit">Only the newest this many, or null for all.</param>
    public async Task<PostExportReport> ExportAsync(IArticleStore store, string outputDirectory, string? category, int? limit, CancellationToken cancellationToken)
    {
        var articles = await ReadAllAsync(store, category, limit, cancellationToken);
        var folder = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var unchanged = new List<string>();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        var chronological = articles
            .OrderBy(a => a.Article.Published)
            .ThenBy(a => a.ArticleId, StringComparer.Ordinal)
            .ToList();
        for (var position = 0; position < chronological.Count; position++)
        {
            var article = chronological[position].Article;
            var name = PostFileName.For(position, article.Link);
            produced.Add(name);
            var changed = await writer.WriteIfChangedAsync(Path.Combine(folder, name), PostFormatter.Format(article), cancellationToken);
            (changed ? written : unchanged).Add(name);
        }
        writer.CleanStaleTemps(folder);
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (PostFileName.IsPostFileName(name) && !produced.Contains(name))
            {
                File.Delete(file);
                removed.Add(name);
            }
        }
        return new PostExportReport(written, unchanged, removed);
    }

    private static async Task<List<PublishedArticle>> ReadAllAsync(IArticleStore store, string? category, int? limit, CancellationToken cancellationToken)
    {
        var all = new List<PublishedArticle>();
        while (limit is null || all.Count < limit)
        {
            var want = limit is null ? PageSize : Math.Min(PageSize, limit.Value - all.Count);
            var page = await store.GetLatestAsync(category, want, all.Count, cancellationToken);
            all.AddRange(page);
            if (page.Count < want)
                break;
        }
        return all;
    }
}
