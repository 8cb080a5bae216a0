using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>The statements of the ingest path, prepared once on the write connection and reused (<see cref="NativeStatement"/>).</summary>
internal sealed class IngestCommands(SqliteConnection connection) : IDisposable
{
    /// <summary>A new article row; the ingest benchmark's own-schema row runs the same text.</summary>
    public const string InsertArticleSql = """
        INSERT INTO articles (id, canonical_link, source_id, entry_key, guid, title, title_key, author,
            published, updated, first_seen, last_changed, thumbnail, body, summary, content_hash,
            title_start, title_end, fingerprint, comments)
        VALUES ($id, $link, $source_id, $entry_key, $guid, $title, $title_key, $author,
            $published, $updated, $seen, $seen, $thumbnail, $body, $summary, $content_hash,
            $title_start, $title_end, $fingerprint, $comments)
        RETURNING seq;
        """;

    /// <summary>The parameters of <see cref="InsertArticleSql"/>, in its order.</summary>
    public static readonly string[] InsertArticleParameters =
    [
        "$id", "$link", "$source_id", "$entry_key", "$guid", "$title", "$title_key", "$author",
        "$published", "$updated", "$seen", "$thumbnail", "$body", "$summary", "$content_hash",
        "$title_start", "$title_end", "$fingerprint", "$comments",
    ];

    /// <summary>
    /// The lookups of one entry in one execution: level 1 (this source's entry: its article, stored
    /// hash, and whether it is the article's canonical copy), and only when level 1 finds nothing (CASE
    /// evaluates its branches lazily) the tombstone check and level 2 (the article owning this link,
    /// any report's or a canonical link). Three statements before; each execution costs more in
    /// .NET and the binding than in SQLite.
    /// </summary>
    public NativeStatement Lookup { get; } = new(connection, """
        SELECT e.article_seq, e.content_hash, a.source_id = $source_id AND a.entry_key = $entry_key,
            CASE WHEN e.article_seq IS NULL THEN EXISTS (SELECT 1 FROM tombstones WHERE key IN ($entry_tombstone, $link_tombstone)) END,
            CASE WHEN e.article_seq IS NULL THEN (SELECT article_seq FROM links WHERE link = $link) END
        FROM (SELECT 1) AS entry
        LEFT JOIN article_entries e ON e.source_id = $source_id AND e.entry_key = $entry_key
        LEFT JOIN articles a ON a.seq = e.article_seq;
        """, "$source_id", "$entry_key", "$entry_tombstone", "$link_tombstone", "$link");

    /// <summary>Records a report's link for its article; a link another article owns stays that article's.</summary>
    public NativeStatement AddLink { get; } = new(connection, """
        INSERT INTO links (link, article_seq) VALUES ($link, $seq) ON CONFLICT (link) DO NOTHING;
        """, "$link", "$seq");

    /// <summary>
    /// The level-3 candidates of one publication week (<see cref="ArticleKeys.StoryBucket"/>) for
    /// <see cref="StoryCandidateCache"/>: a range of the covering published index, read in its order
    /// (backwards: published, then seq). The matcher only merges titles that are equal, share a
    /// four-character prefix, or contain one another, so candidates are the titles starting like this
    /// one (title_start) or ending like it (title_end): every pair the matcher accepts except a title
    /// found in the middle of another, and keys under four characters only meet equal keys. The range
    /// is the week's; the division keeps exactly the week as SQLite rounds it.
    /// </summary>
    public NativeStatement StoryWeek { get; } = new(connection, """
        SELECT seq, published, title_start, title_end, fingerprint FROM articles INDEXED BY articles_published
        WHERE published BETWEEN $from AND $to AND published / 604800000 = $bucket ORDER BY published, seq;
        """, "$from", "$to", "$bucket");

    /// <summary>The title key of a candidate that passed the prefilter (few do).</summary>
    public NativeStatement TitleKey { get; } = new(connection, """
        SELECT title_key FROM articles WHERE seq = $seq;
        """, "$seq");

    /// <summary>The story index columns an article is stored under, before its content is replaced.</summary>
    public NativeStatement StoryColumns { get; } = new(connection, """
        SELECT published, title_start, title_end FROM articles WHERE seq = $seq;
        """, "$seq");

    /// <summary>Changes when any other connection commits to the database (the cache's guard).</summary>
    public NativeStatement DataVersion { get; } = new(connection, "PRAGMA data_version;");

    public NativeStatement SourceReported { get; } = new(connection, """
        SELECT EXISTS (SELECT 1 FROM article_entries WHERE article_seq = $seq AND source_id = $source_id);
        """, "$seq", "$source_id");

    public NativeStatement CanonicalPriority { get; } = new(connection, """
        SELECT s.priority FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.seq = $seq;
        """, "$seq");

    public NativeStatement InsertArticle { get; } = new(connection, InsertArticleSql, InsertArticleParameters);

    /// <summary>
    /// Replaces the canonical copy's content. The link moves only to a link this article owns (it
    /// always does after <see cref="AddLink"/>, unless another article claimed the link first).
    /// </summary>
    public NativeStatement UpdateArticle { get; } = new(connection, """
        UPDATE articles SET
            canonical_link = CASE WHEN EXISTS (SELECT 1 FROM links WHERE link = $link AND article_seq = $seq)
                             THEN $link ELSE canonical_link END,
            source_id = $source_id, entry_key = $entry_key, guid = $guid, title = $title, title_key = $title_key,
            author = $author, published = $published, updated = $updated, last_changed = $seen,
            thumbnail = $thumbnail, body = $body, summary = $summary, content_hash = $content_hash,
            title_start = $title_start, title_end = $title_end, fingerprint = $fingerprint, comments = $comments
        WHERE seq = $seq;
        """, "$seq", "$link", "$source_id", "$entry_key", "$guid", "$title", "$title_key", "$author",
        "$published", "$updated", "$seen", "$thumbnail", "$body", "$summary", "$content_hash",
        "$title_start", "$title_end", "$fingerprint", "$comments");

    public NativeStatement UpsertEntry { get; } = new(connection, """
        INSERT INTO article_entries (source_id, entry_key, article_seq, guid, link, content_hash)
        VALUES ($source_id, $entry_key, $seq, $guid, $link, $content_hash)
        ON CONFLICT (source_id, entry_key) DO UPDATE SET guid = excluded.guid, link = excluded.link, content_hash = excluded.content_hash;
        """, "$source_id", "$entry_key", "$seq", "$guid", "$link", "$content_hash");

    public NativeStatement ListCategories { get; } = new(connection, """
        SELECT name FROM article_categories WHERE article_seq = $seq ORDER BY position;
        """, "$seq");

    public NativeStatement ArticlePublished { get; } = new(connection, """
        SELECT published FROM articles WHERE seq = $seq;
        """, "$seq");

    /// <summary>A category row, listed at max(the article's published time, now) (schema 5).</summary>
    public NativeStatement InsertCategory { get; } = new(connection, """
        INSERT INTO article_categories (article_seq, position, name, listed) VALUES ($seq, $position, $name, $listed);
        """, "$seq", "$position", "$name", "$listed");

    /// <summary>
    /// Keeps every category row of an article listed no earlier than its (new) published time, the one
    /// rule the category walk relies on; an earlier published time needs no change.
    /// </summary>
    public NativeStatement RelistCategories { get; } = new(connection, """
        UPDATE article_categories SET listed = $published WHERE article_seq = $seq AND listed < $published;
        """, "$seq", "$published");

    public void Dispose()
    {
        foreach (var command in new[] { Lookup, AddLink, StoryWeek, TitleKey, StoryColumns, DataVersion, SourceReported, CanonicalPriority, InsertArticle, UpdateArticle, UpsertEntry, ListCategories, ArticlePublished, InsertCategory, RelistCategories })
            command.Dispose();
    }
}
