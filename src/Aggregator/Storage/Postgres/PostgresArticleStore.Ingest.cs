using Aggregator.Model;
using Aggregator.Normalizing.Identity;
using Dapper;
using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// The ingest path with the SQLite store's three dedupe levels and canonical-copy rule (see
/// <c>SqliteArticleStore.Ingest</c>); here the whole poll is one transaction under the cluster-wide
/// article write lock, retried should a unique key still report another node's insert.
/// </summary>
internal sealed partial class PostgresArticleStore
{
    public async Task<IReadOnlyDictionary<string, string>> GetKnownContentHashesAsync(string sourceId, IReadOnlyCollection<string> entryKeys, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT entry_key AS Key, content_hash AS Hash FROM article_entries
            WHERE source_id = @sourceId AND entry_key = ANY(@keys);
            """;
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entryKeys.Count == 0)
            return known;

        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KnownHashRow>(sql, new { sourceId, keys = entryKeys.ToArray(), cancellationToken });
        foreach (var row in rows)
            known[row.Key] = row.Hash;
        return known;
    }

    public Task<IngestResult> IngestAsync(SourceDefinition source, IReadOnlyList<Article> articles, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        WriteAsync(async (transaction, writes) =>
        {
            writes.Add(await UpsertSourceAsync(transaction, source, cancellationToken));
            var ingest = new PostgresIngest(transaction, writes, matcher, options, cancellationToken);
            int added = 0, updated = 0, unchanged = 0, merged = 0, suppressed = 0;
            foreach (var article in articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (await ingest.IngestOneAsync(source, article, seenAt))
                {
                    case PostgresIngest.Outcome.Added: added++; break;
                    case PostgresIngest.Outcome.Updated: updated++; break;
                    case PostgresIngest.Outcome.Unchanged: unchanged++; break;
                    case PostgresIngest.Outcome.Merged: merged++; break;
                    default: suppressed++; break;
                }
            }

            var result = new IngestResult(added, updated, unchanged, merged, suppressed);
            writes.Notify = result.ChangedAnything;
            return result;
        }, cancellationToken, articles: true);
}
