using System.Diagnostics;
using System.Globalization;
using Aggregator.Model;
using Aggregator.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StoreKillDrill;

/// <summary>
/// The store's ingest rate (all three dedupe levels on) against SQLite's raw rate for the same rows:
/// batched INSERT OR IGNORE keyed by link, same pragmas, same disk, same batches (one per poll).
/// </summary>
internal static class IngestBenchmark
{
    private const int FeedSize = 40;
    private const int Feeds = 500;

    public static async Task RunAsync(string workDirectory, int count, int preload, int runs)
    {
        var batches = Generate("bench", 1, count, DateTimeOffset.UtcNow);
        var preloadBatches = preload > 0 ? Generate("pre", 2, preload, DateTimeOffset.UtcNow.AddDays(-30)) : [];
        var entries = batches.Sum(b => b.Articles.Count);
        Console.WriteLine($"entries {entries}, unique stories in them ~{entries * 0.7:F0}, preload {preloadBatches.Sum(b => b.Articles.Count)}");
        var storeRates = new List<double>();
        var rawRates = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var directory = Path.Combine(workDirectory, "run" + run.ToString(CultureInfo.InvariantCulture));
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
            storeRates.Add(await MeasureStoreAsync(Path.Combine(directory, "store"), preloadBatches, batches, entries));
            rawRates.Add(await MeasureRawAsync(Path.Combine(directory, "raw"), preloadBatches, batches, entries));
        }

        var store = Median(storeRates);
        var raw = Median(rawRates);
        Console.WriteLine($"median store {store:F0} entries/s, raw INSERT OR IGNORE {raw:F0} rows/s, ratio {store / raw:F2}");
    }

    private static List<(SourceDefinition Source, IReadOnlyList<Article> Articles)> Generate(string prefix, int seed, int count, DateTimeOffset now)
    {
        var generator = new DrillArticles(prefix, seed);
        var batches = new List<(SourceDefinition, IReadOnlyList<Article>)>();
        var total = 0;
        for (var batch = 0; total < count; batch++)
        {
            var source = DrillArticles.Source(batch % Feeds);
            var articles = generator.Batch(source, batch, FeedSize, now);
            batches.Add((source, articles));
            total += articles.Count;
        }

        return batches;
    }

    private static async Task<double> MeasureStoreAsync(string directory, List<(SourceDefinition Source, IReadOnlyList<Article> Articles)> preload, List<(SourceDefinition Source, IReadOnlyList<Article> Articles)> batches, int entries)
    {
        await using var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None);
        await store.SyncSourcesAsync([.. batches.Select(b => b.Source).DistinctBy(s => s.Id)], CancellationToken.None);
        foreach (var (source, articles) in preload)
            await store.IngestAsync(source, articles, DateTimeOffset.UtcNow, CancellationToken.None);

        var cost = ProcessCost.Start();
        var clock = Stopwatch.StartNew();
        var added = 0;
        var merged = 0;
        foreach (var (source, articles) in batches)
        {
            var result = await store.IngestAsync(source, articles, DateTimeOffset.UtcNow, CancellationToken.None);
            added += result.Added;
            merged += result.Merged;
        }

        clock.Stop();
        var spent = cost.Stop(entries);
        var rate = entries / clock.Elapsed.TotalSeconds;
        var statistics = await store.GetStatisticsAsync(CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var bytes = new FileInfo(store.DatabasePath).Length;
        Console.WriteLine($"store: {entries} entries in {clock.Elapsed.TotalSeconds:F2} s = {rate:F0}/s; added {added}, merged {merged}; {statistics.Articles} articles, {bytes / Math.Max(1, statistics.Articles)} bytes/article; {spent}");
        return rate;
    }

    private static async Task<double> MeasureRawAsync(string directory, List<(SourceDefinition Source, IReadOnlyList<Article> Articles)> preload, List<(SourceDefinition Source, IReadOnlyList<Article> Articles)> batches, int entries)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "raw.db");
        await using var connection = await RawTable.OpenAsync(path);
        using var insert = RawTable.PrepareInsert(connection);

        foreach (var (_, articles) in preload)
            RawTable.Insert(connection, insert, articles);
        var cost = ProcessCost.Start();
        var clock = Stopwatch.StartNew();
        foreach (var (_, articles) in batches)
            RawTable.Insert(connection, insert, articles);
        clock.Stop();
        var spent = cost.Stop(entries);
        var rate = entries / clock.Elapsed.TotalSeconds;
        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var rows = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM raw;");
        Console.WriteLine($"raw:   {entries} rows in {clock.Elapsed.TotalSeconds:F2} s = {rate:F0}/s; {rows} rows kept, {new FileInfo(path).Length / Math.Max(1, rows)} bytes/row; {spent}");
        return rate;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
