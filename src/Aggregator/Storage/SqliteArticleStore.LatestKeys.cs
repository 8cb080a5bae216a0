using System.Text.Json;
using Aggregator.Model;
using Dapper;

namespace Aggregator.Storage;

/// <summary>
/// The two reads of a republish: light keys of a feed's newest entries first, then the full
/// articles of only the entries the publisher has no rendering of.
/// </summary>
internal sealed partial class SqliteArticleStore
{
    /// <summary>
    /// Everything a published entry is made of besides the article row's content, which changes only
    /// together with content_hash and last_changed (ingest rewrites the content in one UPDATE that
    /// sets both): the canonical copy, the categories (merges append some), the other reports (merges
    /// add some) and the names and addresses of the sources. Control characters separate the parts;
    /// the version is only compared, never parsed. Each subquery is a range of a primary key or index.
    /// </summary>
    private const string KeyColumns = """
        a.seq AS Seq, a.id AS Id, a.published AS Published, a.updated AS Updated, a.first_seen AS FirstSeen, a.last_changed AS LastChanged,
        a.content_hash || char(31) || a.source_id || char(31) || a.canonical_link || char(31) || s.title || char(31) || s.url
            || char(30) || coalesce((SELECT group_concat(x.name, char(31) ORDER BY x.position)
                                     FROM article_categories x WHERE x.article_seq = a.seq), '')
            || char(30) || coalesce((SELECT group_concat(e.source_id || char(29) || r.title || char(29) || r.priority || char(29) || e.link, char(31)
                                                         ORDER BY r.priority, e.source_id, e.link)
                                     FROM article_entries e JOIN sources r ON r.id = e.source_id WHERE e.article_seq = a.seq), '')
            AS Version
        """;

    public async Task<IReadOnlyList<LatestArticleKey>> GetLatestKeysAsync(string? category, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        // GetLatestAsync's own walks (SqliteCategoryWalk, LatestQueries), so the keys come in exactly its order.
        const string byCategory = $"SELECT {KeyColumns} {SqliteCategoryWalk.FromSeqs}";
        const string everything = $"SELECT {KeyColumns} {LatestQueries.EverythingWalk}";

        await using var connection = await OpenReaderAsync(cancellationToken);
        // One call per SQL text: Dapper.AOT generates code only for SQL it can read at build time.
        if (category is null)
            return [.. (await connection.QueryAsync<LatestKeyRow>(everything, new { limit, offset, cancellationToken })).Select(row => row.ToKey())];

        // The page's seqs and their rows from one snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        // Typed, not var: Dapper.AOT's generator does not see through the call (see CompleteAsync).
        string seqs = SqliteCategoryWalk.PageSeqs(connection, transaction, category, limit, offset, cancellationToken);
        var rows = await connection.QueryAsync<LatestKeyRow>(byCategory, new { seqs, cancellationToken }, transaction);
        return [.. rows.Select(row => row.ToKey())];
    }

    public async Task<IReadOnlyList<PublishedArticle>> GetArticlesAsync(IReadOnlyCollection<LatestArticleKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
            return [];

        // The keys travel as one JSON array of [seq, id] (one parameter, however many); each is a lookup
        // of the table by its row key (schema 4 keeps no index on ids), and the id must match too: a seq
        // freed by a delete may be reused by a later article.
        const string byKeys = $"""
            SELECT {LatestQueries.ArticleColumns}
            FROM json_each(@keys) k
            CROSS JOIN articles a ON a.seq = json_extract(k.value, '$[0]') AND a.id = json_extract(k.value, '$[1]')
            JOIN sources s ON s.id = a.source_id;
            """;
        var pairs = keys.DistinctBy(key => key.Seq).Select(key => new object[] { key.Seq, key.ArticleId }).ToArray();

        await using var connection = await OpenReaderAsync(cancellationToken);
        // One read transaction: the rows and their categories and reports come from one snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        // Typed, not inline: Dapper.AOT's generator does not see the JSON generator's output (see CompleteAsync).
        string json = JsonSerializer.Serialize(pairs, StorageJsonContext.Default.ObjectArrayArray);
        var rows = (await connection.QueryAsync<ArticleRow>(byKeys, new { keys = json, cancellationToken }, transaction)).AsList();
        return await CompleteAsync(connection, transaction, rows, cancellationToken);
    }
}
