using Aggregator.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StoreKillDrill;

/// <summary>
/// Fills a store (or the raw table) with synthetic articles in SQL, far faster than the ingest path:
/// ~2 KB bodies, random 30-character title keys (so they never match a real story), one report and
/// one category each, published evenly over the <see cref="Span"/> before the corpus starts. Both
/// sides get rows of the same sizes, so the two files start equally large.
/// </summary>
internal static class SyntheticPreload
{
    public static readonly TimeSpan Span = TimeSpan.FromDays(90);

    private const string Rows = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count),
        r AS (SELECT i, upper(hex(randomblob(15))) AS t, '<p>' || hex(randomblob(1000)) || '</p>' AS body,
                     $start + i * $step AS published FROM n)
        """;

    /// <summary>
    /// Writes the store and raw templates unless a complete pair is there (a marker file is written last,
    /// so a template interrupted half-way is rebuilt, not reused).
    /// </summary>
    /// <param name="pageSize">SQLite's page size of both files.</param>
    public static async Task EnsureTemplatesAsync(string storeDirectory, string rawPath, int count, DateTimeOffset before, int pageSize)
    {
        var marker = Path.Combine(Path.GetDirectoryName(rawPath)!, "complete");
        if (File.Exists(marker))
            return;
        if (Directory.Exists(storeDirectory))
            Directory.Delete(storeDirectory, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(rawPath)!);
        File.Delete(rawPath);
        // The page size is fixed when a database is first written: both files are created with it
        // before the store (and its migrations) or the raw table open them.
        Directory.CreateDirectory(storeDirectory);
        await CreateEmptyAsync(Path.Combine(storeDirectory, SqliteArticleStore.FileName), pageSize);
        await CreateEmptyAsync(rawPath, pageSize);

        await FillStoreAsync(storeDirectory, count, before);
        await using (var connection = await RawTable.OpenAsync(rawPath))
            await FillRawAsync(connection, count, before);
        await File.WriteAllTextAsync(marker, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Writes a raw template alone (the raw peer at a page size of its own), unless a complete one is there.
    /// </summary>
    public static async Task EnsureRawTemplateAsync(string rawPath, int count, DateTimeOffset before, int pageSize)
    {
        var marker = rawPath + ".complete";
        if (File.Exists(marker))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(rawPath)!);
        File.Delete(rawPath);
        await CreateEmptyAsync(rawPath, pageSize);
        await using (var connection = await RawTable.OpenAsync(rawPath))
            await FillRawAsync(connection, count, before);
        await File.WriteAllTextAsync(marker, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task FillStoreAsync(string directory, int count, DateTimeOffset before)
    {
        // Open once through the store so the schema is the migrated one, then write behind its back.
        await (await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None)).DisposeAsync();
        await using var connection = await OpenAsync(Path.Combine(directory, SqliteArticleStore.FileName));
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO sources (id, title, url, priority) VALUES ('preload', 'preload', 'https://preload.example.com/rss.xml', 1000);
            """, transaction: transaction);
        await connection.ExecuteAsync(Rows + """
            INSERT INTO articles (id, canonical_link, source_id, entry_key, guid, title, title_key, author, published, updated,
                first_seen, last_changed, thumbnail, body, summary, content_hash, title_start, title_end, fingerprint, comments)
            SELECT lower(hex(randomblob(16))), 'https://preload.example.com/a/' || i || '.html', 'preload', 'p' || i, 'p' || i,
                t, t, 'preload', published, NULL, published, published, 'https://img.example.com/p' || i || '.jpg',
                body, substr(body, 4, 200), lower(hex(randomblob(32))), substr(t, 1, 4), substr(t, -4), random(), 0
            FROM r;
            """, Arguments(count, before), transaction);
        await connection.ExecuteAsync("""
            INSERT INTO article_entries (source_id, entry_key, article_seq, guid, link, content_hash)
            SELECT source_id, entry_key, seq, guid, canonical_link, content_hash FROM articles WHERE source_id = 'preload';
            INSERT INTO article_categories (article_seq, position, name, listed)
            SELECT seq, 0, '要闻', published FROM articles WHERE source_id = 'preload';
            """, transaction: transaction);
        await transaction.CommitAsync();
        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public static async Task FillRawAsync(SqliteConnection connection, int count, DateTimeOffset before)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(Rows + """
            INSERT INTO raw (link, source_id, entry_key, guid, title, author, published, thumbnail, body, summary, content_hash, categories)
            SELECT 'https://preload.example.com/a/' || i || '.html', 'preload', 'p' || i, 'p' || i, t, 'preload', published,
                'https://img.example.com/p' || i || '.jpg', body, substr(body, 4, 200), lower(hex(randomblob(32))), '要闻'
            FROM r;
            """, Arguments(count, before), transaction);
        await transaction.CommitAsync();
        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static object Arguments(int count, DateTimeOffset before)
    {
        var end = before.ToUnixTimeMilliseconds();
        var step = (long)Span.TotalMilliseconds / Math.Max(1, count);
        return new { count, start = end - step * (count + 1L), step };
    }

    private static async Task CreateEmptyAsync(string path, int pageSize)
    {
        await using var connection = await OpenAsync(path, $"PRAGMA page_size = {pageSize};");
        await connection.ExecuteAsync("CREATE TABLE page_size_set (x INTEGER); DROP TABLE page_size_set;");
    }

    private static async Task<SqliteConnection> OpenAsync(string path, string first = "")
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(first + "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;");
        return connection;
    }
}
