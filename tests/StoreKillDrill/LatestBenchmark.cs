using System.Diagnostics;
using Aggregator.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StoreKillDrill;

/// <summary>
/// The publish query at scale: fills a store with synthetic articles straight in SQL (ingest speed is
/// not what is measured here), then times GetLatestAsync for every category, as a publish run does.
/// </summary>
internal static class LatestBenchmark
{
    public static async Task RunAsync(string directory, int articles, int categories, int perFeed)
    {
        await using (var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None))
        {
            await store.SyncSourcesAsync([.. Enumerable.Range(0, 5).Select(DrillArticles.Source)], CancellationToken.None);
            var fill = Stopwatch.StartNew();
            await using (var connection = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False"))
            {
                await connection.OpenAsync();
                await connection.ExecuteAsync("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
                await using var transaction = connection.BeginTransaction();
                await connection.ExecuteAsync("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @articles)
                    INSERT INTO articles (id, canonical_link, source_id, entry_key, title, title_key, author, published, first_seen,
                        last_changed, body, summary, content_hash, title_start, title_end, fingerprint)
                    SELECT printf('%032x', i), 'https://drill0.example.com/' || i, 'drill' || (i % 5), 'k' || i, 'title ' || i, 'title' || i,
                        'author', 1700000000000 + i * 60000, 1700000000000 + i * 60000, 1700000000000 + i * 60000,
                        hex(randomblob(500)), 'summary', hex(randomblob(16)), substr('title' || i, 1, 4), substr('title' || i, -4), random()
                    FROM n;
                    INSERT INTO article_entries (source_id, entry_key, article_seq, link, content_hash)
                    SELECT source_id, entry_key, seq, canonical_link, content_hash FROM articles;
                    INSERT INTO article_categories (article_seq, position, name, listed)
                    SELECT seq, 0, '金融', published FROM articles
                    UNION ALL SELECT seq, 1, 'category' || (seq % @categories), published FROM articles;
                    """, new { articles, categories }, transaction, commandTimeout: 0);
                transaction.Commit();
                await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }

            Console.WriteLine($"filled {articles} articles in {fill.Elapsed.TotalSeconds:F1} s");
        }

        await using var reopened = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None);
        var names = Enumerable.Range(0, categories).Select(i => "category" + i).Append("金融").ToList();
        var passes = new List<double>();
        for (var pass = 0; pass < 5; pass++)
        {
            var clock = Stopwatch.StartNew();
            var total = 0;
            foreach (var name in names)
                total += (await reopened.GetLatestAsync(name, perFeed, 0, CancellationToken.None)).Count;
            total += (await reopened.GetLatestAsync(null, perFeed, 0, CancellationToken.None)).Count;
            passes.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine($"pass {pass}: {names.Count + 1} feeds, {total} entries in {clock.Elapsed.TotalMilliseconds:F0} ms");
        }

        passes.Sort();
        Console.WriteLine($"median {passes[passes.Count / 2]:F0} ms for {names.Count + 1} feeds of {perFeed} over {articles} articles");
    }
}
