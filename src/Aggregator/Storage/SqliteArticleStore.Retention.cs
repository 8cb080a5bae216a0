using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// Retention and deletion. Every deleted article leaves tombstones for each entry key and each link
/// it was reported under, so a feed that still lists it cannot bring it back.
/// </summary>
internal sealed partial class SqliteArticleStore
{
    public Task<RetentionResult> ApplyRetentionAsync(RetentionPolicy policy, CancellationToken cancellationToken) =>
        WriteAsync(async transaction =>
        {
            var connection = transaction.Connection!;
            var now = time.GetUtcNow();
            await PrepareExpiredAsync(transaction, cancellationToken);
            if (policy.MaxAge is { } maxAge)
            {
                const string sql = "INSERT OR IGNORE INTO temp.expired SELECT seq FROM articles WHERE published < @cutoff;";
                await connection.ExecuteAsync(sql, new { cutoff = ArticleKeys.ToStored(now - maxAge), cancellationToken }, transaction);
            }

            if (policy.MaxCount is { } maxCount)
            {
                const string sql = """
                    INSERT OR IGNORE INTO temp.expired
                    SELECT seq FROM articles ORDER BY published DESC, seq DESC LIMIT -1 OFFSET @maxCount;
                    """;
                await connection.ExecuteAsync(sql, new { maxCount, cancellationToken }, transaction);
            }

            foreach (var (name, rule) in policy.Categories)
            {
                if (rule.MaxAge is { } categoryAge)
                {
                    // The category's rows are listed by when they were written (schema 5), so the article's
                    // own published time decides; a prune reads the category's rows once.
                    const string sql = """
                        INSERT OR IGNORE INTO temp.expired
                        SELECT c.article_seq FROM article_categories c CROSS JOIN articles a ON a.seq = c.article_seq
                        WHERE c.name = @name AND a.published < @cutoff;
                        """;
                    await connection.ExecuteAsync(sql, new { name, cutoff = ArticleKeys.ToStored(now - categoryAge), cancellationToken }, transaction);
                }

                if (rule.MaxCount is { } categoryCount)
                {
                    const string sql = """
                        INSERT OR IGNORE INTO temp.expired
                        SELECT c.article_seq FROM article_categories c CROSS JOIN articles a ON a.seq = c.article_seq
                        WHERE c.name = @name
                        ORDER BY a.published DESC, c.article_seq DESC LIMIT -1 OFFSET @categoryCount;
                        """;
                    await connection.ExecuteAsync(sql, new { name, categoryCount, cancellationToken }, transaction);
                }
            }

            return await DeleteExpiredAsync(transaction, now, cancellationToken);
        }, cancellationToken);

    public async Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(async transaction =>
        {
            await PrepareExpiredAsync(transaction, cancellationToken);
            // Schema 4 keeps no index on ids: the id is the hash of the article's first report (source id
            // and entry key, ArticleKeys.ArticleId), so the reports are scanned for it (article_id is that
            // hash, registered on the writer) and the article's own id confirms the match. The scan (1.4 s
            // over the 1,000,000-article benchmark store) is fine for an admin's removal; ingest never
            // looks articles up by id.
            const string sql = """
                INSERT OR IGNORE INTO temp.expired
                SELECT a.seq FROM article_entries e CROSS JOIN articles a ON a.seq = e.article_seq
                WHERE article_id(e.source_id, e.entry_key) = @articleId AND a.id = @articleId;
                """;
            await transaction.Connection!.ExecuteAsync(sql, new { articleId, cancellationToken }, transaction);
            return await DeleteExpiredAsync(transaction, time.GetUtcNow(), cancellationToken);
        }, cancellationToken);
        return result.ArticlesDeleted > 0;
    }

    private static Task<int> PrepareExpiredAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            CREATE TEMP TABLE IF NOT EXISTS expired (seq INTEGER PRIMARY KEY);
            DELETE FROM temp.expired;
            """;
        return UnboundSql.ExecuteAsync(transaction.Connection!, transaction, sql, cancellationToken);
    }

    private async Task<RetentionResult> DeleteExpiredAsync(SqliteTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Keys in the same shape as ArticleKeys.EntryTombstone / LinkTombstone.
        const string tombstones = """
            INSERT OR IGNORE INTO tombstones (key, created)
            SELECT 'e:' || source_id || char(10) || entry_key, @now FROM article_entries WHERE article_seq IN (SELECT seq FROM temp.expired)
            UNION SELECT 'l:' || link, @now FROM article_entries WHERE article_seq IN (SELECT seq FROM temp.expired)
            UNION SELECT 'l:' || canonical_link, @now FROM articles WHERE seq IN (SELECT seq FROM temp.expired)
            UNION SELECT 'l:' || link, @now FROM links WHERE article_seq IN (SELECT seq FROM temp.expired);
            """;
        // Entries, links and categories go with their article (ON DELETE CASCADE).
        const string delete = "DELETE FROM articles WHERE seq IN (SELECT seq FROM temp.expired);";
        var connection = transaction.Connection!;
        var added = await connection.ExecuteAsync(tombstones, new { now = ArticleKeys.ToStored(now), cancellationToken }, transaction);
        var deleted = await UnboundSql.ExecuteAsync(connection, transaction, delete, cancellationToken);
        storyCache.Clear();
        await UnboundSql.ExecuteAsync(connection, transaction, "DELETE FROM temp.expired;", cancellationToken);
        return new RetentionResult(deleted, added);
    }
}
