using Aggregator.Model;

namespace Aggregator.Storage;

/// <summary>
/// The store: articles deduplicated across sources, per-source fetch state and health. All SQL lives
/// behind this interface (SQLite by default; a shared database later), and the dedupe guarantees
/// are the database's own unique keys.
/// </summary>
internal interface IArticleStore : IAsyncDisposable
{
    /// <summary>Registers or updates the configured sources (title, url, priority); never deletes one.</summary>
    Task SyncSourcesAsync(IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken);

    Task<SourceHealth> GetHealthAsync(string sourceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceHealth>> GetAllHealthAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The content hashes already stored for these entry keys of one source (keys not stored are absent),
    /// so the pipeline can skip sanitizing entries that did not change.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> GetKnownContentHashesAsync(string sourceId, IReadOnlyCollection<string> entryKeys, CancellationToken cancellationToken);

    /// <summary>Stores one poll's articles in one transaction, applying the three dedupe levels.</summary>
    Task<IngestResult> IngestAsync(SourceDefinition source, IReadOnlyList<Article> articles, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a poll in the source's health (validators, status, failures, backoff).</summary>
    Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Lifts an automatic pause (the admin fixed the source); the next poll is allowed at once.</summary>
    Task ResumeSourceAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>Newest first (by published date, then newest stored); <paramref name="category"/> null means everything.</summary>
    Task<IReadOnlyList<PublishedArticle>> GetLatestAsync(string? category, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>
    /// The same entries as <see cref="GetLatestAsync"/>, in the same order, as light keys (no body):
    /// what a republish reads first, so it fetches only the articles its rendered entries do not cover.
    /// </summary>
    Task<IReadOnlyList<LatestArticleKey>> GetLatestKeysAsync(string? category, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>
    /// The stored articles of these keys (as <see cref="GetLatestKeysAsync"/> returned them: the store
    /// may find them by <see cref="LatestArticleKey.Seq"/>), in no particular order; articles not stored
    /// (any more) are absent.
    /// </summary>
    Task<IReadOnlyList<PublishedArticle>> GetArticlesAsync(IReadOnlyCollection<LatestArticleKey> keys, CancellationToken cancellationToken);

    /// <summary>Deletes expired articles, leaving tombstones so they never come back.</summary>
    Task<RetentionResult> ApplyRetentionAsync(RetentionPolicy policy, CancellationToken cancellationToken);

    /// <summary>Deletes one article (an admin's removal), leaving tombstones; false when there was no such article.</summary>
    Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Counts and sizes, including how many rows this process has written (for "unchanged writes nothing").</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
