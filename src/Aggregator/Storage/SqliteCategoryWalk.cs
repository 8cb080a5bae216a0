using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// The newest articles of a category in SQLite (schema 5), in the order every store publishes them:
/// published time, then seq, both descending. The category index is ordered by "listed" (when the row
/// was written, or the article's published time if later), not by published time, so ingest appends to
/// each category's head; <see cref="CategoryPage"/> reads that head only as far as the page can reach.
/// The page's seqs then fetch their rows in one statement (<see cref="FromSeqs"/>).
/// </summary>
internal static class SqliteCategoryWalk
{
    private const string ListedRows = """
        SELECT c.article_seq, a.published, c.listed FROM article_categories c INDEXED BY article_categories_latest
        CROSS JOIN articles a ON a.seq = c.article_seq
        WHERE c.name = $category
        ORDER BY c.listed DESC, c.article_seq DESC;
        """;

    /// <summary>The rows of the seqs in @seqs (a JSON array), in its order (a for the article, s for its canonical source).</summary>
    public const string FromSeqs = """
        FROM json_each(@seqs) k
        CROSS JOIN articles a ON a.seq = k.value
        JOIN sources s ON s.id = a.source_id
        ORDER BY k.key;
        """;

    /// <summary>The page's seqs as the JSON array <see cref="FromSeqs"/> takes, read in <paramref name="transaction"/>.</summary>
    public static string PageSeqs(SqliteConnection connection, SqliteTransaction transaction, string category, int limit, int offset, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ListedRows;
        command.Parameters.AddWithValue("$category", category);
        using var reader = command.ExecuteReader();
        var seqs = CategoryPage.Pick(Rows(reader, cancellationToken), limit, offset, out _);
        return JsonSerializer.Serialize(seqs, StorageJsonContext.Default.Int64Array);
    }

    // A backfill can put thousands of rows ahead of the page: the token is checked on every row.
    private static IEnumerable<ListedRow> Rows(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ListedRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
    }
}
