using System.Data;
using Aggregator.Model;
using Dapper;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// The two reads of a republish: light keys of a feed's newest entries first, then the full
/// articles of only the entries the publisher has no rendering of.
/// </summary>
internal sealed partial class PostgresArticleStore
{
    /// <summary>
    /// Everything a published entry is made of besides the article row's content, which changes only
    /// together with content_hash and last_changed (ingest rewrites the content in one UPDATE that
    /// sets both): the canonical copy, the categories, the other reports and the sources' names and
    /// addresses. Control characters separate the parts; the version is only compared, never parsed.
    /// </summary>
    private const string KeyColumns = """
        a.seq AS Seq, a.id AS Id, a.published AS Published, a.updated AS Updated, a.first_seen AS FirstSeen, a.last_changed AS LastChanged,
        a.content_hash || chr(31) || a.source_id || chr(31) || a.canonical_link || chr(31) || s.title || chr(31) || s.url
            || chr(30) || coalesce((SELECT string_agg(x.name, chr(31) ORDER BY x.position)
                                    FROM article_categories x WHERE x.article_seq = a.seq), '')
            || chr(30) || coalesce((SELECT string_agg(e.source_id || chr(29) || r.title || chr(29) || r.priority::text || chr(29) || e.link, chr(31)
                                                      ORDER BY r.priority, e.source_id, e.link)
                                    FROM article_entries e JOIN sources r ON r.id = e.source_id WHERE e.article_seq = a.seq), '')
            AS Version
        """;

    public async Task<IReadOnlyList<LatestArticleKey>> GetLatestKeysAsync(string? category, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        // GetLatestAsync's own walks (a total order: published, then seq), so the keys come in exactly its order.
        const string byCategory = $"SELECT {KeyColumns} {LatestQueries.CategoryWalk}";
        const string everything = $"SELECT {KeyColumns} {LatestQueries.EverythingWalk}";

        await using var connection = await OpenAsync(cancellationToken);
        // One call per SQL text: Dapper.AOT generates code only for SQL it can read at build time.
        var rows = category is null
            ? await connection.QueryAsync<LatestKeyRow>(everything, new { limit = (long)limit, offset = (long)offset, cancellationToken })
            : await connection.QueryAsync<LatestKeyRow>(byCategory, new { category, limit = (long)limit, offset = (long)offset, cancellationToken });
        return [.. rows.Select(row => row.ToKey())];
    }

    public async Task<IReadOnlyList<PublishedArticle>> GetArticlesAsync(IReadOnlyCollection<LatestArticleKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
            return [];

        const string byIds = $"""
            SELECT {LatestQueries.ArticleColumns}
            FROM articles a
            JOIN sources s ON s.id = a.source_id
            WHERE a.id = ANY(@ids);
            """;

        await using var connection = await OpenAsync(cancellationToken);
        // One snapshot for the rows and their categories and reports, even while other nodes commit.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var rows = (await connection.QueryAsync<ArticleRow>(byIds, new { ids = keys.Select(key => key.ArticleId).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken }, transaction)).AsList();
        var articles = await CompleteAsync(connection, transaction, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return articles;
    }
}
