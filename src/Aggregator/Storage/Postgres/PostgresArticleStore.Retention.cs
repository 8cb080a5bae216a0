using Dapper;
using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// Retention and deletion. Every deleted article leaves tombstones for each entry key and each link
/// it was reported under, so a feed that still lists it cannot bring it back — on any node.
/// </summary>
internal sealed partial class PostgresArticleStore
{
    public Task<RetentionResult> ApplyRetentionAsync(RetentionPolicy policy, CancellationToken cancellationToken) =>
        WriteAsync(async (transaction, writes) =>
        {
            var connection = transaction.Connection!;
            var now = time.GetUtcNow();
            var expired = new HashSet<long>();
            // Each query is written out at its call: Dapper.AOT generates code only for calls whose SQL
            // and parameter type it sees at the call site.
            if (policy.MaxAge is { } maxAge)
                expired.UnionWith(await connection.QueryAsync<long>("SELECT seq FROM articles WHERE published < @cutoff;", new { cutoff = ArticleKeys.ToStored(now - maxAge), cancellationToken }, transaction));
            if (policy.MaxCount is { } maxCount)
                expired.UnionWith(await connection.QueryAsync<long>("SELECT seq FROM articles ORDER BY published DESC, seq DESC OFFSET @maxCount;", new { maxCount = (long)maxCount, cancellationToken }, transaction));
            foreach (var (name, rule) in policy.Categories)
            {
                if (rule.MaxAge is { } categoryAge)
                    expired.UnionWith(await connection.QueryAsync<long>("SELECT article_seq FROM article_categories WHERE name = @name AND published < @cutoff;", new { name, cutoff = ArticleKeys.ToStored(now - categoryAge), cancellationToken }, transaction));
                if (rule.MaxCount is { } categoryCount)
                {
                    expired.UnionWith(await connection.QueryAsync<long>("""
                        SELECT article_seq FROM article_categories WHERE name = @name
                        ORDER BY published DESC, article_seq DESC OFFSET @categoryCount;
                        """, new { name, categoryCount = (long)categoryCount, cancellationToken }, transaction));
                }
            }

            return await DeleteAsync(transaction, writes, [.. expired], now, cancellationToken);
        }, cancellationToken, articles: true);

    public async Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(async (transaction, writes) =>
        {
            var seqs = (await transaction.Connection!.QueryAsync<long>("SELECT seq FROM articles WHERE id = @articleId;", new { articleId, cancellationToken }, transaction)).ToArray();
            return await DeleteAsync(transaction, writes, seqs, time.GetUtcNow(), cancellationToken);
        }, cancellationToken, articles: true);
        return result.ArticlesDeleted > 0;
    }

    private static async Task<RetentionResult> DeleteAsync(NpgsqlTransaction transaction, PostgresWriteCounter writes, long[] seqs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (seqs.Length == 0)
            return new RetentionResult(0, 0);

        // Keys in the same shape as ArticleKeys.EntryTombstone / LinkTombstone.
        const string tombstones = """
            INSERT INTO tombstones (key, created)
            SELECT 'e:' || source_id || E'\n' || entry_key, @now FROM article_entries WHERE article_seq = ANY(@seqs)
            UNION SELECT 'l:' || link, @now FROM article_entries WHERE article_seq = ANY(@seqs)
            UNION SELECT 'l:' || canonical_link, @now FROM articles WHERE seq = ANY(@seqs)
            UNION SELECT 'l:' || link, @now FROM links WHERE article_seq = ANY(@seqs)
            ON CONFLICT (key) DO NOTHING;
            """;
        // Entries, links and categories go with their article (ON DELETE CASCADE).
        const string delete = "DELETE FROM articles WHERE seq = ANY(@seqs);";
        var connection = transaction.Connection!;
        var added = await connection.ExecuteAsync(tombstones, new { now = ArticleKeys.ToStored(now), seqs, cancellationToken }, transaction);
        var deleted = await connection.ExecuteAsync(delete, new { seqs, cancellationToken }, transaction);
        writes.Add(added + deleted);
        writes.Notify = deleted > 0;
        return new RetentionResult(deleted, added);
    }
}
