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

    /// <summary>Stores one poll's articles in one transaction, applying the three dedupe levels.</summary>
    Task<IngestResult> IngestAsync(SourceDefinition source, IReadOnlyList<Article> articles, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a poll in the source's health (validators, status, failures, backoff).</summary>
    Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Newest first (by published date, then id); <paramref name="category"/> null means everything.</summary>
    Task<IReadOnlyList<PublishedArticle>> GetLatestAsync(string? category, int limit, int offset, CancellationToken cancellationToken);
}
