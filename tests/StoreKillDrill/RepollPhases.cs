using System.Diagnostics;
using System.Globalization;
using Aggregator.Fetching;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Storage;

namespace StoreKillDrill;

/// <summary>
/// Where a re-poll's time goes: each stage of <see cref="Aggregator.Pipeline.SourcePoller"/> run alone
/// over every source (the same calls, in the same order, one stage at a time), with its wall time and
/// the bytes it allocated on this thread. Printed after the rounds; not part of the BENCH lines.
/// The store's three calls run after the rounds, so they measure what a re-poll meets: the health row
/// and the known hashes answered from the store's memo, the health write left pending (its batched
/// UPDATE, ~0.5 µs a row, runs later in one transaction and is not counted here).
/// </summary>
internal sealed class RepollPhases(IFeedFetcher fetcher, IFeedParser parser, IArticleNormalizer normalizer, IArticleStore store)
{
    private readonly List<(string Name, double Seconds, long Bytes)> phases = [];

    public async Task RunAsync(List<SourceDefinition> sources, Action touch)
    {
        var files = sources.Select(s => s.Url.LocalPath).ToList();
        var contents = files.Select(File.ReadAllBytes).ToList();
        for (var repeat = 0; repeat < 3; repeat++)
        {
            Measure("mem: bare XmlReader", () => contents.ForEach(b => Bare(b, values: false)));
            Measure("mem: parse+identify", () => { for (var i = 0; i < sources.Count; i++) normalizer.Identify(parser.Parse(new FeedPayload(contents[i], null, sources[i].Url)), sources[i]); });
            Measure("mem: scan", () => { for (var i = 0; i < sources.Count; i++) parser.Scan(new FeedPayload(contents[i], null, sources[i].Url)); });
            Measure("mem: scan+identify", () => { for (var i = 0; i < sources.Count; i++) normalizer.Identify(parser.Scan(new FeedPayload(contents[i], null, sources[i].Url))!, sources[i]); });
        }

        Measure("File.ReadAllBytes", () => files.ForEach(f => File.ReadAllBytes(f)));
        Measure("read into a pooled buffer", () => files.ForEach(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)stream.Length + 1);
            stream.ReadAtLeast(buffer, (int)stream.Length, throwOnEndOfStream: false);
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }));

        var healths = new SourceHealth[sources.Count];
        await MeasureAsync("store: health read", async () =>
        {
            for (var i = 0; i < sources.Count; i++)
                healths[i] = await store.GetHealthAsync(sources[i].Id, CancellationToken.None);
        });

        // Each payload given back as the poller gives it back: kept, every read would rent a new array.
        touch();
        var outcomes = new FetchOutcome[sources.Count];
        await MeasureAsync("fetch (file: reader)", async () =>
        {
            for (var i = 0; i < sources.Count; i++)
            {
                outcomes[i] = await fetcher.FetchAsync(sources[i], new FetchConditions(healths[i].ETag, healths[i].LastModified), CancellationToken.None);
                PooledBody.Release(outcomes[i].Payload);
            }
        });

        // One feed at a time, nothing kept but the keys: holding every parsed feed would make each
        // collection copy them all, which the poller (one feed at a time) never pays.
        var keys = new string[sources.Count][];
        Measure("scan + identify", () =>
        {
            for (var i = 0; i < sources.Count; i++)
                keys[i] = normalizer.Identify(parser.Scan(new FeedPayload(contents[i], null, sources[i].Url))!, sources[i]).Select(s => s.EntryKey).ToArray();
        });

        await MeasureAsync("store: known hashes", async () =>
        {
            for (var i = 0; i < sources.Count; i++)
                await store.GetKnownContentHashesAsync(sources[i].Id, keys[i], CancellationToken.None);
        });

        await MeasureAsync("store: health write", async () =>
        {
            for (var i = 0; i < sources.Count; i++)
                await store.RecordPollAsync(sources[i], outcomes[i], null, DateTimeOffset.UtcNow, CancellationToken.None);
        });

        Console.WriteLine();
        Console.WriteLine($"phases, each alone over the {sources.Count} sources (one round, wall time and bytes allocated on this thread):");
        foreach (var (name, seconds, bytes) in phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-28} {seconds * 1000,8:F1} ms  {seconds * 1e6 / sources.Count,7:F0} µs/source  {bytes / (double)sources.Count / 1024,8:F1} KiB/source"));
        }
    }

    private static long Bare(byte[] bytes, bool values)
    {
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = System.Xml.XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
        long n = 0;
        while (reader.Read())
        {
            if (values && reader.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA)
                n += reader.Value.Length;
            n++;
        }

        return n;
    }

    private void Measure(string name, Action action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        action();
        phases.Add((name, clock.Elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - bytes));
    }

    private async Task MeasureAsync(string name, Func<Task> action)
    {
        // Awaits may resume on another thread: the process-wide figure, with nothing else running, is the honest one.
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await action();
        phases.Add((name, clock.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - bytes));
    }
}
