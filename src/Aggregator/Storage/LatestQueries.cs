namespace Aggregator.Storage;

/// <summary>
/// The reads of a feed's newest entries that both stores share (but SQLite's category walk,
/// <see cref="SqliteCategoryWalk"/>), in SQL SQLite and PostgreSQL read alike. The full read and the
/// light key read walk the same rows in the same order, which the keys-first republish relies on, so
/// they are written once.
/// </summary>
internal static class LatestQueries
{
    public const string ArticleColumns = """
        a.seq AS Seq, a.id AS Id, a.canonical_link AS CanonicalLink, a.source_id AS SourceId, a.entry_key AS EntryKey,
        a.guid AS Guid, a.title AS Title, a.title_key AS TitleKey, a.author AS Author, a.published AS Published,
        a.updated AS Updated, a.first_seen AS FirstSeen, a.last_changed AS LastChanged, a.thumbnail AS Thumbnail,
        a.body AS Body, a.summary AS Summary, a.content_hash AS ContentHash, a.fingerprint AS Fingerprint,
        a.comments AS Comments, s.title AS SourceTitle, s.url AS SourceUrl
        """;

    // Each walks one index in order (article_categories_latest or articles_published) and stops after
    // limit + offset rows: the cost does not grow with the size of the store. SQLite's category index is
    // ordered differently since its schema 5 (SqliteCategoryWalk); PostgreSQL's is by published time.
    public const string CategoryWalk = """
        FROM article_categories c
        JOIN articles a ON a.seq = c.article_seq
        JOIN sources s ON s.id = a.source_id
        WHERE c.name = @category
        ORDER BY c.published DESC, c.article_seq DESC
        LIMIT @limit OFFSET @offset;
        """;

    public const string EverythingWalk = """
        FROM articles a
        JOIN sources s ON s.id = a.source_id
        ORDER BY a.published DESC, a.seq DESC
        LIMIT @limit OFFSET @offset;
        """;
}
