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
            -- title_start / title_end are the first / last four characters of title_key: they find every
            -- title that shares a prefix with, or ends like, another (the story matcher's title overlap).
            CREATE TABLE articles (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                canonical_link TEXT NOT NULL UNIQUE,
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
            CREATE INDEX articles_title_start ON articles(title_start, published, title_key, fingerprint);
            CREATE INDEX articles_title_end ON articles(title_end, published, title_key, fingerprint);

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
            CREATE INDEX article_entries_link ON article_entries(link);

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
    ];

    public static int LatestVersion => All[^1].Version;
}
