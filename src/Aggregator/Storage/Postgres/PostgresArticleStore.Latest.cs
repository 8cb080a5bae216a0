using System.Data;
using Aggregator.Model;
using Dapper;
using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// What the publishers read. The order is total (published, then seq, which the database assigns
/// once for the whole cluster), so every node reading the same store publishes the same bytes.
/// </summary>
internal sealed partial class PostgresArticleStore
{
    public async Task<IReadOnlyList<PublishedArticle>> GetLatestAsync(string? category, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        const string byCategory = $"SELECT {LatestQueries.ArticleColumns} {LatestQueries.CategoryWalk}";
        const string everything = $"SELECT {LatestQueries.ArticleColumns} {LatestQueries.EverythingWalk}";
        await using var connection = await OpenAsync(cancellationToken);
        // One snapshot for the three queries, even while other nodes commit.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // One call per SQL text: Dapper.AOT generates code only for SQL it can read at build time.
        var rows = (category is null
            ? await connection.QueryAsync<ArticleRow>(everything, new { limit = (long)limit, offset = (long)offset, cancellationToken }, transaction)
            : await connection.QueryAsync<ArticleRow>(byCategory, new { category, limit = (long)limit, offset = (long)offset, cancellationToken }, transaction)).AsList();
        var articles = await CompleteAsync(connection, transaction, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return articles;
    }

    /// <summary>Adds the categories and the other reports to article rows read in <paramref name="transaction"/>.</summary>
    private static async Task<IReadOnlyList<PublishedArticle>> CompleteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<ArticleRow> rows, CancellationToken cancellationToken)
    {
        const string categoriesOf = """
            SELECT article_seq AS Seq, name AS Name FROM article_categories WHERE article_seq = ANY(@seqs) ORDER BY article_seq, position;
            """;
        const string reportsOf = """
            SELECT e.article_seq AS Seq, e.source_id AS SourceId, s.title AS SourceTitle, e.link AS Link
            FROM article_entries e
            JOIN sources s ON s.id = e.source_id
            WHERE e.article_seq = ANY(@seqs)
            ORDER BY e.article_seq, s.priority, e.source_id;
            """;
        if (rows.Count == 0)
            return [];

        var seqs = rows.Select(row => row.Seq).ToArray();
        var categories = (await connection.QueryAsync<CategoryRow>(categoriesOf, new { seqs, cancellationToken }, transaction))
            .ToLookup(row => row.Seq, row => row.Name);
        var reports = (await connection.QueryAsync<ReportRow>(reportsOf, new { seqs, cancellationToken }, transaction))
            .ToLookup(row => row.Seq, row => new RelatedReport(row.SourceId, row.SourceTitle, row.Link));

        return [.. rows.Select(row => row.ToPublished([.. categories[row.Seq]], OtherSources(reports[row.Seq], row.SourceId)))];
    }

    /// <summary>The canonical source's own re-posts are not "another report"; other sources are listed even under the canonical link.</summary>
    private static RelatedReport[] OtherSources(IEnumerable<RelatedReport> reports, string canonicalSourceId) =>
        [.. reports.Where(report => !string.Equals(report.SourceId, canonicalSourceId, StringComparison.Ordinal)).DistinctBy(report => (report.SourceId, report.Link))];
}
