namespace Aggregator.Storage;

/// <summary>
/// The newest articles of a category in SQLite (schema 5), in the order every store publishes them:
/// published time, then seq, both descending. The category index is ordered by "listed" (when the row
/// was written, or the article's published time if later), not by published time, so ingest appends to
/// each category's head. Because listed &gt;= published on every row, the first N rows of the index
/// (N = limit + offset) are N articles published no earlier than the oldest of them, t; so the newest N
/// by published time are all listed at t or later, and only that head of the index is read and sorted.
/// When news is written as it appears the head is about N rows; a backfill (a new source's old entries,
/// all listed now) widens it by the entries written since, never to more than the category's rows.
/// </summary>
internal static class SqliteCategoryWalk
{
    /// <summary>The seqs and published times of the page, as the CTE "picked"; the SELECT and <see cref="From"/> follow.</summary>
    public const string Picked = """
        WITH head AS (
            SELECT a.published FROM article_categories c INDEXED BY article_categories_latest
            CROSS JOIN articles a ON a.seq = c.article_seq
            WHERE c.name = @category
            ORDER BY c.listed DESC, c.article_seq DESC
            LIMIT @limit + @offset),
        picked AS (
            SELECT c.article_seq AS seq, a.published AS published FROM article_categories c INDEXED BY article_categories_latest
            CROSS JOIN articles a ON a.seq = c.article_seq
            WHERE c.name = @category AND c.listed >= (SELECT min(published) FROM head)
            ORDER BY a.published DESC, c.article_seq DESC
            LIMIT @limit OFFSET @offset)
        """;

    /// <summary>The page's rows (a for the article, s for its canonical source), in the published order.</summary>
    public const string From = """
        FROM picked p
        CROSS JOIN articles a ON a.seq = p.seq
        JOIN sources s ON s.id = a.source_id
        ORDER BY p.published DESC, p.seq DESC;
        """;
}
