using System.Diagnostics;
using System.Globalization;
using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Publishing.Atom;
using Aggregator.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace StoreKillDrill;

/// <summary>
/// The whole republish over a store filled by <see cref="LatestBenchmark"/> (the `latest` subcommand):
/// every category's query, the Atom writing of every page of every category feed and of the feed of
/// everything, index.html and sources.opml, written atomically under an output folder — what `serve`
/// does after new articles. `latest` only times the queries.
/// </summary>
internal static class PublishBenchmark
{
    public static async Task RunAsync(string directory, int categories, int runs)
    {
        var settings = Settings(categories);
        var output = Path.Combine(directory, "public");
        if (Directory.Exists(output))
            Directory.Delete(output, recursive: true);
        await using var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None);

        // Cold: a fresh publisher (empty entry cache, empty folder) as after a restart.
        var cold = await PublishOnceAsync(NewPublisher(output, null), settings, store);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold republish: {cold.Files} files, {cold.Written} written in {cold.Elapsed.TotalMilliseconds:F0} ms"));

        // Warm: one publisher kept across runs as `serve` keeps it; before each run one new article
        // lands in every category, so every feed and page changes and is rewritten.
        var builder = new SiteBuilder(Options.Create(new PublishingOptions { OutputDirectory = output }), new EntryFragmentCache());
        var publisher = NewPublisher(output, builder);
        await PublishOnceAsync(publisher, settings, store);
        var times = new List<double>();
        var files = cold.Files;
        for (var run = 0; run < runs; run++)
        {
            await AddArticlePerCategoryAsync(store.DatabasePath, categories, run);
            var warm = await PublishOnceAsync(publisher, settings, store);
            times.Add(warm.Elapsed.TotalMilliseconds);
            files = warm.Files;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"republish {run}: {warm.Files} files, {warm.Written} written in {warm.Elapsed.TotalMilliseconds:F0} ms"));
        }

        times.Sort();
        // Where the time goes: the light key queries of a whole republish alone (every page of every
        // feed: 10 x 100 each), then one more republish built in memory only (no files written).
        var queries = Stopwatch.StartNew();
        var fetched = 0;
        foreach (var category in settings.Categories)
            fetched += (await store.GetLatestKeysAsync(category.Name, 1000, 0, CancellationToken.None)).Count;
        fetched += (await store.GetLatestKeysAsync(null, 1000, 0, CancellationToken.None)).Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"of which queries: {fetched} entry keys for {settings.Categories.Count + 1} feeds in {queries.Elapsed.TotalMilliseconds:F0} ms (one pass)"));
        await AddArticlePerCategoryAsync(store.DatabasePath, categories, runs);
        var build = Stopwatch.StartNew();
        await builder.BuildAsync(settings, store, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"of which building in memory (queries, fetches and renders of the new articles, Atom pages, index): {build.Elapsed.TotalMilliseconds:F0} ms (one run)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"republish median {times[times.Count / 2]:F0} ms (cold {cold.Elapsed.TotalMilliseconds:F0} ms) for {categories + 1} categories and the feed of everything"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT\t{times[times.Count / 2]:F0}\t{cold.Elapsed.TotalMilliseconds:F0}\t{files}"));
    }

    private static SitePublisher NewPublisher(string output, SiteBuilder? builder)
    {
        var options = Options.Create(new PublishingOptions { OutputDirectory = output });
        return new SitePublisher(builder ?? new SiteBuilder(options, new EntryFragmentCache()), new SiteFileWriter(new AtomicFileWriter(TimeProvider.System)),
            options, NullLogger<SitePublisher>.Instance);
    }

    private static async Task<(int Files, int Written, TimeSpan Elapsed)> PublishOnceAsync(SitePublisher publisher, AggregatorSettings settings, IArticleStore store)
    {
        var clock = Stopwatch.StartNew();
        var report = await publisher.PublishAsync(settings, store, CancellationToken.None);
        return (report.Written.Count + report.Unchanged.Count, report.Written.Count, clock.Elapsed);
    }

    /// <summary>The categories the `latest` fill attached: category0..N-1 and 金融, over the five drill sources.</summary>
    private static AggregatorSettings Settings(int categories)
    {
        var names = Enumerable.Range(0, categories).Select(i => "category" + i.ToString(CultureInfo.InvariantCulture)).Prepend("金融").ToList();
        var sources = Enumerable.Range(0, 5).Select(i => DrillArticles.Source(i) with
        {
            Categories = [.. names.Where((_, n) => n % 5 == i || n == 0)],
        }).ToList();
        return new AggregatorSettings
        {
            Site = new SiteDefinition { Title = "Publish benchmark", BaseUrl = new Uri("https://news.example.com/") },
            Sources = sources,
            Categories = [.. names.Select((name, n) => new CategoryDefinition(name, n == 0 ? "finance" : name))],
        };
    }

    private static async Task AddArticlePerCategoryAsync(string database, int categories, int run)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var c = 0; c < categories; c++)
        {
            // The time keeps ids unique when the benchmark runs again over the same store.
            var id = string.Create(CultureInfo.InvariantCulture, $"new-{now}-{run}-{c}");
            var seq = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO articles (id, canonical_link, source_id, entry_key, title, title_key, author, published, first_seen,
                    last_changed, body, summary, content_hash, title_start, title_end, fingerprint)
                VALUES (@id, 'https://drill0.example.com/' || @id, 'drill' || (@c % 5), @id, 'new title ' || @id, 'newtitle' || @id,
                    'author', @now, @now, @now, hex(randomblob(500)), 'summary', hex(randomblob(16)), 'newt', substr(@id, -4), random())
                RETURNING seq;
                """, new { id, c, now }, transaction);
            await connection.ExecuteAsync("""
                INSERT INTO article_entries (source_id, entry_key, article_seq, link, content_hash)
                SELECT source_id, entry_key, seq, canonical_link, content_hash FROM articles WHERE seq = @seq;
                INSERT INTO article_categories (article_seq, position, name, listed) VALUES (@seq, 0, '金融', @now), (@seq, 1, 'category' || @c, @now);
                """, new { seq, c, now }, transaction);
        }

        transaction.Commit();
    }
}
