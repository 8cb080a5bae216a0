using Aggregator.Storage;

namespace StoreKillDrill;

/// <summary>
/// Ingests batches forever and prints, after each commit, the keys it committed; the test kills
/// the process at random and then checks every printed key is in the store.
/// </summary>
internal static class KillDrill
{
    public static async Task RunAsync(string dataDirectory, int round)
    {
        // A tiny checkpoint threshold, so kills also land while the background checkpoint copies the WAL.
        var options = new StorageOptions { WalAutoCheckpointPages = 64 };
        await using var store = await SqliteArticleStore.OpenAsync(dataDirectory, TimeProvider.System, options, CancellationToken.None);
        var sources = Enumerable.Range(0, 5).Select(DrillArticles.Source).ToArray();
        await store.SyncSourcesAsync(sources, CancellationToken.None);
        var articles = new DrillArticles("r" + round, round);
        Console.Out.WriteLine("ready");
        await Console.Out.FlushAsync();
        for (var batch = 0; ; batch++)
        {
            var source = sources[batch % sources.Length];
            var items = articles.Batch(source, batch, 20, DateTimeOffset.UtcNow);
            await store.IngestAsync(source, items, DateTimeOffset.UtcNow, CancellationToken.None);
            // Printed only after COMMIT returned: a key on stdout is a promise that it is stored. The line
            // ends with a "." field: the kill can cut a long line between two writes, and the reader
            // trusts only whole lines (a cut line once named a key "r2" that was never written).
            Console.Out.WriteLine($"committed\t{source.Id}\t{string.Join(',', items.Select(a => a.EntryKey))}\t.");
            await Console.Out.FlushAsync();
        }
    }
}
