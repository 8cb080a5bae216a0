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
            async Task CollectAsync(string sql, object parameters) =>
                expired.UnionWith(await connection.QueryAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)));

            if (policy.MaxAge is { } maxAge)
                await CollectAsync("SELECT seq FROM articles WHERE published < @cutoff;", new { cutoff = ArticleKeys.ToStored(now - maxAge) });
            if (policy.MaxCount is { } maxCount)
                await CollectAsync("SELECT seq FROM articles ORDER BY published DESC, seq DESC OFFSET @maxCount;", new { maxCount = (long)maxCount });
            foreach (var (name, rule) in policy.Categories)
            {
                if (rule.MaxAge is { } categoryAge)
                    await CollectAsync("SELECT article_seq FROM article_categories WHERE name = @name AND published < @cutoff;", new { name, cutoff = ArticleKeys.ToStored(now - categoryAge) });
                if (rule.MaxCount is { } categoryCount)
                {
                    await CollectAsync("""
                        SELECT article_seq FROM article_categories WHERE name = @name
                        ORDER BY published DESC, article_seq DESC OFFSET @categoryCount;
                        """, new { name, categoryCount = (long)categoryCount });
                }
            }

            return await DeleteAsync(transaction, writes, [.. expired], now, cancellationToken);
        }, cancellationToken, articles: true);

    public async Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(async (transaction, writes) =>
        {
            var seqs = (await transaction.Connection!.QueryAsync<long>(new CommandDefinition(
                "SELECT seq FROM articles WHERE id = @articleId;", new { articleId }, transaction, cancellationToken: cancellationToken))).ToArray();
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
        var added = await connection.ExecuteAsync(new CommandDefinition(tombstones, new { now = ArticleKeys.ToStored(now), seqs }, transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(delete, new { seqs }, transaction, cancellationToken: cancellationToken));
        writes.Add(added + deleted);
        writes.Notify = deleted > 0;
        return new RetentionResult(deleted, added);
    }
}
