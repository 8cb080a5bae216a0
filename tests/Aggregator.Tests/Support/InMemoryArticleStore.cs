using Aggregator.Model;
using Aggregator.Storage;

namespace Aggregator.Tests.Support;

/// <summary>
/// The read side of the store over hand-built articles, for the publishers' tests: newest first (by
/// published date, then id), filtered by category. The write side belongs to the real store's tests.
/// </summary>
internal sealed class InMemoryArticleStore : IArticleStore
{
    private const string WritesUnsupported = "InMemoryArticleStore: the publishers only read; use the SQLite store for anything else.";

    private readonly List<PublishedArticle> _articles = [];
    private readonly List<SourceHealth> _health = [];
    private readonly List<string> _fetched = [];

    public InMemoryArticleStore(IEnumerable<PublishedArticle>? articles = null, IEnumerable<SourceHealth>? health = null)
    {
        _articles.AddRange(articles ?? []);
        _health.AddRange(health ?? []);
    }

    public void Add(PublishedArticle article) => _articles.Add(article);

    /// <summary>The ids of the articles handed out by <see cref="GetArticlesAsync"/> so far, in order: what publishes had to render.</summary>
    public IReadOnlyList<string> Fetched => _fetched;

    public Task<IReadOnlyList<PublishedArticle>> GetLatestAsync(string? category, int limit, int offset, CancellationToken cancellationToken)
    {
        IReadOnlyList<PublishedArticle> page = _articles
            .Where(a => category is null || a.Article.Categories.Contains(category))
            .OrderByDescending(a => a.Article.Published)
            .ThenBy(a => a.ArticleId, StringComparer.Ordinal)
            .Skip(offset)
            .Take(limit)
            .ToList();
        return Task.FromResult(page);
    }

    public async Task<IReadOnlyList<LatestArticleKey>> GetLatestKeysAsync(string? category, int limit, int offset, CancellationToken cancellationToken) =>
        [.. (await GetLatestAsync(category, limit, offset, cancellationToken)).Select(a => new LatestArticleKey
        {
            ArticleId = a.ArticleId,
            Published = a.Article.Published,
            Updated = a.Article.Updated,
            FirstSeen = a.FirstSeen,
            LastChanged = a.LastChanged,
            Version = Version(a),
        })];

    public Task<IReadOnlyList<PublishedArticle>> GetArticlesAsync(IReadOnlyCollection<LatestArticleKey> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Select(key => key.ArticleId).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<PublishedArticle> found = [.. _articles.Where(a => wanted.Contains(a.ArticleId))];
        lock (_fetched)
            _fetched.AddRange(found.Select(a => a.ArticleId));
        return Task.FromResult(found);
    }

    /// <summary>Everything an entry is rendered from, so any edit of a hand-built article is a new version.</summary>
    private static string Version(PublishedArticle published) =>
        string.Join('\u001F', new[] { published.Article.ToString(), published.Article.Body, published.SourceTitle, published.SourceUrl.AbsoluteUri }
            .Concat(published.Article.Categories)
            .Concat(published.AlsoReportedBy.Select(r => r.ToString())));

    public Task<IReadOnlyList<SourceHealth>> GetAllHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceHealth>>(_health.ToList());

    public Task<SourceHealth> GetHealthAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult(_health.FirstOrDefault(h => h.SourceId == sourceId) ?? SourceHealth.Unknown(sourceId));

    public Task SyncSourcesAsync(IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken) =>
        throw new NotSupportedException(WritesUnsupported);

    public Task<IngestResult> IngestAsync(SourceDefinition source, IReadOnlyList<Article> articles, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        throw new NotSupportedException(WritesUnsupported);

    public Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken) =>
        throw new NotSupportedException(WritesUnsupported);

    public Task<IReadOnlyDictionary<string, string>> GetKnownContentHashesAsync(string sourceId, IReadOnlyCollection<string> entryKeys, CancellationToken cancellationToken) =>
        throw new NotSupportedException(WritesUnsupported);

    public Task ResumeSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        throw new NotSupportedException(WritesUnsupported);

    public Task<RetentionResult> ApplyRetentionAsync(RetentionPolicy policy, CancellationToken cancellationToken) =>
        throw new NotSupportedException(WritesUnsupported);

    public Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken) =>
        throw new NotSupportedException(WritesUnsupported);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException(WritesUnsupported);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
