using System.Diagnostics;
using System.Globalization;
using Aggregator.Configuration;
using Aggregator.Model;
using Aggregator.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StoreKillDrill;

/// <summary>
/// `preload DATA-DIR ARTICLES [FEEDS.JSON]`: fills a new store with synthetic articles for the `serve`
/// memory benchmark, spread round-robin over the sources of feeds.json with each source's configured
/// categories (so every published feed has a full history behind it), or over one 'preload' source
/// without a file. Same row shapes as <see cref="SyntheticPreload"/> (~2 KB bodies, random titles that
/// never match a real story), published evenly over the 90 days before now, written in SQL in
/// batches of 100,000 — minutes for a million, where the ingest path would take an hour.
/// </summary>
internal static class ServePreload
{
    private const int Batch = 100_000;

    private const string InsertArticles = """
        WITH RECURSIVE n(i) AS (SELECT $first UNION ALL SELECT i + 1 FROM n WHERE i < $last),
        r AS (SELECT i, s.id AS source_id, upper(hex(randomblob(15))) AS t, '<p>' || hex(randomblob(1000)) || '</p>' AS body,
                     $start + i * $step AS published
              FROM n JOIN preload_sources s ON s.n = i % $sources)
        INSERT INTO articles (id, canonical_link, source_id, entry_key, guid, title, title_key, author, published, updated,
            first_seen, last_changed, thumbnail, body, summary, content_hash, title_start, title_end, fingerprint, comments)
        SELECT lower(hex(randomblob(16))), 'https://preload.example.com/' || source_id || '/' || i || '.html', source_id, 'p' || i, 'p' || i,
            t, t, 'preload', published, NULL, published, published, 'https://img.example.com/p' || i || '.jpg',
            body, substr(body, 4, 200), lower(hex(randomblob(32))), substr(t, 1, 4), substr(t, -4), random(), 0
        FROM r;
        """;

    // Entries and categories of the rows just inserted (seq above the batch's first).
    private const string InsertLinks = """
        INSERT INTO article_entries (source_id, entry_key, article_seq, guid, link, content_hash)
        SELECT source_id, entry_key, seq, guid, canonical_link, content_hash FROM articles WHERE seq > $after;
        INSERT INTO article_categories (article_seq, position, name, listed)
        SELECT a.seq, c.position, c.name, a.published FROM articles a JOIN preload_categories c ON c.source_id = a.source_id WHERE a.seq > $after;
        """;

    public static async Task<int> RunAsync(string directory, int count, string? configFile)
    {
        var sources = LoadSources(configFile);
        if (sources is null)
            return 2;
        Directory.CreateDirectory(directory);
        await using (var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None))
            await store.SyncSourcesAsync(sources, CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteArticleStore.FileName)};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; PRAGMA cache_size = -262144;");
        if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles;") > 0)
        {
            Console.Error.WriteLine($"preload: {directory} already holds articles; preload only fills a new store.");
            return 2;
        }

        await connection.ExecuteAsync("""
            CREATE TEMP TABLE preload_sources (n INTEGER PRIMARY KEY, id TEXT NOT NULL);
            CREATE TEMP TABLE preload_categories (source_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL);
            """);
        await connection.ExecuteAsync("INSERT INTO preload_sources (n, id) VALUES ($n, $id);", sources.Select((s, n) => new { n, id = s.Id }));
        await connection.ExecuteAsync(
            "INSERT INTO preload_categories (source_id, position, name) VALUES ($id, $position, $name);",
            sources.SelectMany(s => s.Categories.Select((name, position) => new { id = s.Id, position, name })));

        var clock = Stopwatch.StartNew();
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var step = (long)SyntheticPreload.Span.TotalMilliseconds / Math.Max(1, count);
        for (var first = 1; first <= count; first += Batch)
        {
            var last = Math.Min(count, first + Batch - 1);
            await using var transaction = await connection.BeginTransactionAsync();
            var after = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(seq), 0) FROM articles;", transaction: transaction);
            await connection.ExecuteAsync(InsertArticles, new { first, last, sources = sources.Count, start = end - step * (count + 1L), step }, transaction);
            await connection.ExecuteAsync(InsertLinks, new { after }, transaction);
            await transaction.CommitAsync();
            Console.WriteLine($"preload: {last.ToString("N0", CultureInfo.InvariantCulture)} articles over {sources.Count} sources ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        return 0;
    }

    private static List<SourceDefinition>? LoadSources(string? configFile)
    {
        if (configFile is null)
        {
            return [new SourceDefinition
            {
                Id = "preload", Title = "preload", Url = new Uri("https://preload.example.com/rss.xml"), Categories = ["要闻"], Schedule = "0 */10 * * * ?",
            }];
        }

        var loaded = FeedsConfigLoader.Load(configFile);
        if (loaded.IsValid)
            return [.. loaded.Settings!.Sources];
        foreach (var problem in loaded.Problems)
            Console.Error.WriteLine(problem.ToString());
        return null;
    }
}
