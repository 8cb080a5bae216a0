using Aggregator.Model;
using Aggregator.Storage;

namespace Aggregator.Publishing.Posts;

/// <summary>
/// The <c>export posts --out DIR</c> command's work: one post file per stored article, written
/// atomically and only when its bytes change; post files of an earlier export that this one no longer
/// produces (renamed or gone) are removed, so the folder mirrors the store. Other files are left alone.
/// </summary>
/// <remarks>
/// Two passes over the store keep memory bounded by one page of articles plus one small key per
/// article: the first numbers the articles chronologically, the second writes them. An article that
/// arrives between the passes is left for the next export.
/// </remarks>
internal sealed class PostExporter(AtomicFileWriter writer)
{
    private const int PageSize = 500;

    /// <param name="store">Where the articles come from.</param>
    /// <param name="outputDirectory">The posts folder (created when missing).</param>
    /// <param name="category">Only this category, or null for everything.</param>
    /// <param name="limit">Only the newest this many, or null for all.</param>
    /// <param name="cancellationToken">Stops between files; every file written so far is whole.</param>
    public async Task<PostExportReport> ExportAsync(IArticleStore store, string outputDirectory, string? category, int? limit, CancellationToken cancellationToken)
    {
        var positions = await NumberAsync(store, category, limit, cancellationToken);
        var folder = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var unchanged = new List<string>();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var published in ReadAsync(store, category, limit, cancellationToken))
        {
            if (!positions.TryGetValue(published.ArticleId, out var position))
                continue;
            var name = PostFileName.For(position, published.Article.Link);
            if (!produced.Add(name))
                continue;
            var changed = await writer.WriteIfChangedAsync(Path.Combine(folder, name), PostFormatter.Format(published.Article), cancellationToken);
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
        written.Sort(StringComparer.Ordinal);
        unchanged.Sort(StringComparer.Ordinal);
        return new PostExportReport(written, unchanged, removed);
    }

    /// <summary>Each article's position in chronological order (oldest 0; ties by id).</summary>
    private static async Task<Dictionary<string, int>> NumberAsync(IArticleStore store, string? category, int? limit, CancellationToken cancellationToken)
    {
        var keys = new List<(DateTimeOffset Published, string Id)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var published in ReadAsync(store, category, limit, cancellationToken))
        {
            if (seen.Add(published.ArticleId))
                keys.Add((published.Article.Published, published.ArticleId));
        }
        keys.Sort((a, b) => a.Published != b.Published ? a.Published.CompareTo(b.Published) : string.CompareOrdinal(a.Id, b.Id));
        var positions = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
            positions[keys[i].Id] = i;
        return positions;
    }

    private static async IAsyncEnumerable<PublishedArticle> ReadAsync(
        IArticleStore store, string? category, int? limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = 0;
        while (limit is null || read < limit)
        {
            var want = limit is null ? PageSize : Math.Min(PageSize, limit.Value - read);
            var page = await store.GetLatestAsync(category, want, read, cancellationToken);
            foreach (var published in page)
                yield return published;
            read += page.Count;
            if (page.Count < want)
                yield break;
        }
    }
}
