using Aggregator.Storage.Migrations;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// Every PostgreSQL schema version, in order. Never edit an applied step: append a new one. Times are
/// Unix milliseconds (UTC) in bigint columns, as in the SQLite store, so both share their row types.
/// Keys and names use the "C" collation: byte order, the same order SQLite gives, on every server.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "article store", """
            CREATE TABLE sources (
                id text COLLATE "C" PRIMARY KEY,
                title text NOT NULL,
                url text NOT NULL,
                priority bigint NOT NULL DEFAULT 100,
                etag text,
                last_modified text,
                last_attempt bigint,
                last_success bigint,
                last_http_status bigint,
                consecutive_failures bigint NOT NULL DEFAULT 0,
                last_error text,
                next_attempt_after bigint,
                paused bigint NOT NULL DEFAULT 0,
                permanent_redirect text
            );

            -- seq is the internal row key; id (derived from the first source id and entry key) is the
            -- stable public id, unique, so two nodes adding the same entry at once store it once.
            -- No two articles share a canonical link (articles_canonical_link), and the canonical link
            -- is always one of the article's own links (the ingest moves it only to one it owns).
            CREATE TABLE articles (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text COLLATE "C" NOT NULL UNIQUE,
                canonical_link text COLLATE "C" NOT NULL,
                source_id text COLLATE "C" NOT NULL REFERENCES sources(id),
                entry_key text COLLATE "C" NOT NULL,
                guid text,
                title text NOT NULL,
                title_key text COLLATE "C" NOT NULL,
                author text NOT NULL,
                published bigint NOT NULL,
                updated bigint,
                first_seen bigint NOT NULL,
                last_changed bigint NOT NULL,
                thumbnail text,
                body text NOT NULL,
                summary text NOT NULL,
                content_hash text NOT NULL,
                title_start text COLLATE "C" NOT NULL,
                title_end text COLLATE "C" NOT NULL,
                fingerprint bigint NOT NULL,
                comments bigint NOT NULL DEFAULT 0
            );
            CREATE UNIQUE INDEX articles_canonical_link ON articles(canonical_link);
            CREATE INDEX articles_published ON articles(published DESC, seq DESC);
            -- Story candidates (dedupe level 3): titles starting or ending like the incoming one, in the window.
            CREATE INDEX articles_title_start ON articles(title_start, published) INCLUDE (title_key, fingerprint);
            CREATE INDEX articles_title_end ON articles(title_end, published) INCLUDE (title_key, fingerprint);

            -- Every link any article was reported under, each owned by exactly one article (level 2).
            CREATE TABLE links (
                link text COLLATE "C" PRIMARY KEY,
                article_seq bigint NOT NULL REFERENCES articles(seq) ON DELETE CASCADE
            );
            CREATE INDEX links_article ON links(article_seq);

            -- Every report of an article: which source carried it under which key and link (level 1).
            CREATE TABLE article_entries (
                source_id text COLLATE "C" NOT NULL REFERENCES sources(id),
                entry_key text COLLATE "C" NOT NULL,
                article_seq bigint NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                guid text,
                link text COLLATE "C" NOT NULL,
                content_hash text NOT NULL,
                PRIMARY KEY (source_id, entry_key)
            );
            CREATE INDEX article_entries_article ON article_entries(article_seq);

            -- published is copied from the article so a category page is one index range scan.
            CREATE TABLE article_categories (
                article_seq bigint NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                position bigint NOT NULL,
                name text COLLATE "C" NOT NULL,
                published bigint NOT NULL,
                PRIMARY KEY (article_seq, position),
                UNIQUE (article_seq, name)
            );
            CREATE INDEX article_categories_latest ON article_categories(name, published DESC, article_seq DESC);

            -- 'e:' || source_id || E'\n' || entry_key, or 'l:' || link: never stored again.
            CREATE TABLE tombstones (
                key text COLLATE "C" PRIMARY KEY,
                created bigint NOT NULL
            );
            """),
        new(2, "quartz cluster job store", QuartzSchema.Sql),
        new(3, "cluster configuration", """
            -- The feeds.json content the cluster's schedule was last built from (one row): a reload is
            -- applied by the node that changes this row; the others find it current and skip.
            CREATE TABLE cluster_schedule (
                id integer PRIMARY KEY CHECK (id = 1),
                content_hash text NOT NULL,
                applied_by text NOT NULL,
                applied_at bigint NOT NULL
            );
            """),
        new(4, "quartz misfire original fire time", """
            -- Optional in Quartz 3.x: with it, a misfired trigger's job sees the time it was due.
            ALTER TABLE qrtz_triggers ADD COLUMN misfire_orig_fire_time bigint;
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
