namespace Aggregator.Storage.Migrations;

/// <summary>
/// Every schema version, in order. Never edit an applied step: append a new one. Times are Unix
/// milliseconds (UTC) so ordering and range scans are plain integer comparisons.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial schema", """
            CREATE TABLE sources (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                url TEXT NOT NULL,
                priority INTEGER NOT NULL DEFAULT 100,
                etag TEXT,
                last_modified TEXT,
                last_attempt INTEGER,
                last_success INTEGER,
                last_http_status INTEGER,
                consecutive_failures INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                next_attempt_after INTEGER,
                paused INTEGER NOT NULL DEFAULT 0,
                permanent_redirect TEXT
            ) STRICT;

            -- seq is the internal row key (small foreign keys); id is the stable public id.
            -- source_id/entry_key/guid/link and the content fields are those of the canonical copy.
            -- canonical_link is unique through links (the triggers below): one index, not two.
            -- title_start / title_end are the first / last four characters of title_key: they find every
            -- title that shares a prefix with, or ends like, another (the story matcher's title overlap).
            CREATE TABLE articles (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                canonical_link TEXT NOT NULL,
                source_id TEXT NOT NULL REFERENCES sources(id),
                entry_key TEXT NOT NULL,
                guid TEXT,
                title TEXT NOT NULL,
                title_key TEXT NOT NULL,
                author TEXT NOT NULL,
                published INTEGER NOT NULL,
                updated INTEGER,
                first_seen INTEGER NOT NULL,
                last_changed INTEGER NOT NULL,
                thumbnail TEXT,
                body TEXT NOT NULL,
                summary TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                title_start TEXT NOT NULL,
                title_end TEXT NOT NULL,
                fingerprint INTEGER NOT NULL,
                comments INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            CREATE INDEX articles_published ON articles(published DESC, seq DESC);
            -- Both title indexes carry what the story matcher compares, so candidates never touch the table.
            -- They lead with the week of publication (ArticleKeys.StoryBucketMilliseconds): news arrives
            -- in time order, so new keys land in the small, cached tail of the index instead of on
            -- random pages all over a million old articles.
            CREATE INDEX articles_title_start ON articles(published / 604800000, title_start, published, title_key, fingerprint);
            CREATE INDEX articles_title_end ON articles(published / 604800000, title_end, published, title_key, fingerprint);

            -- Every link any article was reported under, each owned by exactly one article (dedupe
            -- level 2 is one primary-key lookup); links_article serves deletes and cascades.
            CREATE TABLE links (
                link TEXT PRIMARY KEY,
                article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX links_article ON links(article_seq);

            -- A new article claims its canonical link (a plain INSERT: a link owned by another article
            -- aborts the statement), and the canonical link may only move to a link this article owns,
            -- so no two articles share a canonical link.
            CREATE TRIGGER articles_claim_link AFTER INSERT ON articles
            BEGIN
                INSERT INTO links (link, article_seq) VALUES (NEW.canonical_link, NEW.seq);
            END;
            CREATE TRIGGER articles_keep_link AFTER UPDATE OF canonical_link ON articles
            WHEN NOT EXISTS (SELECT 1 FROM links WHERE link = NEW.canonical_link AND article_seq = NEW.seq)
            BEGIN
                SELECT RAISE(ABORT, 'storage: a canonical link must be a link of its own article');
            END;

            -- Every report of an article: which source carried it under which key and link.
            CREATE TABLE article_entries (
                source_id TEXT NOT NULL REFERENCES sources(id),
                entry_key TEXT NOT NULL,
                article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                guid TEXT,
                link TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                PRIMARY KEY (source_id, entry_key)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX article_entries_article ON article_entries(article_seq);

            -- published is copied from the article so a category page is one index range scan.
            CREATE TABLE article_categories (
                article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                published INTEGER NOT NULL,
                PRIMARY KEY (article_seq, position)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX article_categories_latest ON article_categories(name, published DESC, article_seq DESC);

            -- 'e:' || source_id || char(10) || entry_key, or 'l:' || link: never stored again.
            CREATE TABLE tombstones (
                key TEXT PRIMARY KEY,
                created INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            """),
        // The story indexes drop the title key: candidates are filtered on their fingerprints inside
        // SQLite first (StoryPrefilter) and only the few survivors read their title from the article
        // row. Entries about a third the size put a week's inserts on fewer pages: 0.64 WAL pages per
        // entry and index instead of 0.82 in the corpus benchmark (bench/ingest.sh).
        new(2, "narrow story indexes", """
            DROP INDEX IF EXISTS articles_title_start;
            DROP INDEX IF EXISTS articles_title_end;
            CREATE INDEX IF NOT EXISTS articles_story_start ON articles(published / 604800000, title_start, published, fingerprint);
            CREATE INDEX IF NOT EXISTS articles_story_end ON articles(published / 604800000, title_end, published, fingerprint);
            """),
        // The level-3 candidates come from the published index, which now carries what the story
        // matcher's prefilter compares: the writer loads a whole publication week of it at once
        // (StoryCandidateCache). Two story indexes fewer to write per new article (1.28 WAL pages per
        // entry in the corpus benchmark), for a wider published index. The publish walks use it as before.
        new(3, "covering published index instead of the story indexes", """
            DROP INDEX IF EXISTS articles_story_start;
            DROP INDEX IF EXISTS articles_story_end;
            DROP INDEX IF EXISTS articles_published;
            CREATE INDEX articles_published ON articles(published DESC, seq DESC, title_start, title_end, fingerprint);
            """),
        // The UNIQUE id index goes: ids are SHA-256 hashes, so each new article wrote a random page of an
        // index as large as the table (0.91 WAL pages per entry in the corpus benchmark). Nothing needs it:
        // an id is unique by construction (the hash of the first report's source and entry key, which is
        // article_entries' primary key, never re-pointed, and tombstoned with its article); the publisher
        // fetches by seq (LatestArticleKey.Seq); an admin's delete finds the article by hashing the reports'
        // keys (DeleteArticleAsync). SQLite drops a UNIQUE column constraint only by copying the table
        // (minutes at a million articles), so the constraint's automatic index is renamed into the plain
        // unique index it is on disk (the same entries: id, then seq) and dropped like any index: the
        // writable_schema procedure SQLite documents for changes that leave the stored format as it is.
        // If the table's text or its index are not what schema 1 wrote, nothing is renamed, DROP INDEX
        // finds no such index, and the migration fails and rolls back.
        new(4, "no id index", """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, 'id TEXT NOT NULL UNIQUE,', 'id TEXT NOT NULL,')
            WHERE type = 'table' AND name = 'articles';
            UPDATE sqlite_schema SET name = 'articles_id_unique', sql = 'CREATE UNIQUE INDEX articles_id_unique ON articles(id)'
            WHERE type = 'index' AND name = 'sqlite_autoindex_articles_1'
                AND (SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles') NOT LIKE '%UNIQUE%';
            PRAGMA writable_schema = RESET;
            DROP INDEX articles_id_unique;
            """),
        // A category row is placed in its category's walk by "listed" instead of the article's publication
        // time: listed = the larger of the article's published time and the time the row was written (and
        // raised when a new canonical copy is published later still). News is written as it appears, so a
        // poll's category rows now land together at the head of each category instead of one page each
        // across the publication dates its entries span (the largest B-tree cost of ingest: ~2 WAL pages per
        // entry in the corpus benchmark). Since listed >= published on every row, a walk in listed order
        // that keeps the newest N so far can stop at the first row listed before the oldest of them
        // (CategoryPage). Rows written before keep listed = published, which keeps that rule; renaming a
        // column rewrites only the schema, and its index follows.
        new(5, "category rows listed by when they were written", """
            ALTER TABLE article_categories RENAME COLUMN published TO listed;
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
