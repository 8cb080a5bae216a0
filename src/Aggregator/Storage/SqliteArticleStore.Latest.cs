using System.Text.Json;
using Aggregator.Model;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>What the publishers read: the newest articles of a category, with who else reported them.</summary>
internal sealed partial class SqliteArticleStore
{
    public async Task<IReadOnlyList<PublishedArticle>> GetLatestAsync(string? category, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        const string byCategory = $"SELECT {LatestQueries.ArticleColumns} {SqliteCategoryWalk.FromSeqs}";
        const string everything = $"SELECT {LatestQueries.ArticleColumns} {LatestQueries.EverythingWalk}";
        await using var connection = await OpenReaderAsync(cancellationToken);
        // One read transaction: the queries see the same snapshot even while ingest commits.
        await using var transaction = connection.BeginTransaction(deferred: true);
        // One call per SQL text: Dapper.AOT generates code only for SQL it can read at build time.
        List<ArticleRow> rows;
        if (category is null)
        {
            rows = (await connection.QueryAsync<ArticleRow>(everything, new { limit, offset, cancellationToken }, transaction)).AsList();
        }
        else
        {
            // Typed, not var: Dapper.AOT's generator does not see through the call (see CompleteAsync).
            string seqs = SqliteCategoryWalk.PageSeqs(connection, transaction, category, limit, offset, cancellationToken);
            rows = (await connection.QueryAsync<ArticleRow>(byCategory, new { seqs, cancellationToken }, transaction)).AsList();
        }
        return await CompleteAsync(connection, transaction, rows, cancellationToken);
    }

    /// <summary>Adds the categories and the other reports to article rows read in <paramref name="transaction"/>.</summary>
    private static async Task<IReadOnlyList<PublishedArticle>> CompleteAsync(
        SqliteConnection connection, SqliteTransaction transaction, List<ArticleRow> rows, CancellationToken cancellationToken)
    {
        // The seqs travel as one JSON array: one parameter however many rows (not one per seq).
        const string categoriesOf = """
            SELECT article_seq AS Seq, name AS Name FROM article_categories
            WHERE article_seq IN (SELECT value FROM json_each(@seqs)) ORDER BY article_seq, position;
            """;
        const string reportsOf = """
            SELECT e.article_seq AS Seq, e.source_id AS SourceId, s.title AS SourceTitle, e.link AS Link
            FROM article_entries e
            JOIN sources s ON s.id = e.source_id
            WHERE e.article_seq IN (SELECT value FROM json_each(@seqs))
            ORDER BY e.article_seq, s.priority, e.source_id;
            """;
        if (rows.Count == 0)
            return [];

        // Typed, not var: Dapper.AOT's generator does not see the JSON generator's output, so with var the
        // parameter's type would be unknown to it and it would skip the call without a word.
        string seqs = JsonSerializer.Serialize(rows.Select(row => row.Seq).ToArray(), StorageJsonContext.Default.Int64Array);
        var categories = (await connection.QueryAsync<CategoryRow>(categoriesOf, new { seqs, cancellationToken }, transaction))
            .ToLookup(row => row.Seq, row => row.Name);
        var reports = (await connection.QueryAsync<ReportRow>(reportsOf, new { seqs, cancellationToken }, transaction))
            .ToLookup(row => row.Seq, row => new RelatedReport(row.SourceId, row.SourceTitle, row.Link));

        return [.. rows.Select(row => row.ToPublished([.. categories[row.Seq]], OtherSources(reports[row.Seq], row.SourceId)))];
    }

    /// <summary>
    /// The canonical source's own re-posts are not "another report"; other sources are listed even
    /// under the canonical link (level 2), because who else carried the story is worth showing.
    /// </summary>
    private static RelatedReport[] OtherSources(IEnumerable<RelatedReport> reports, string canonicalSourceId) =>
        [.. reports.Where(report => !string.Equals(report.SourceId, canonicalSourceId, StringComparison.Ordinal)).DistinctBy(report => (report.SourceId, report.Link))];
}
