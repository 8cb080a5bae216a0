using System.Diagnostics;
using System.Globalization;
using System.Xml;
using Aggregator.Cli;
using Aggregator.Hosting;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Pipeline;

namespace StoreKillDrill;

/// <summary>
/// Issue 7's steady-state re-poll: every feed of the generated corpus is a source with a file: URL,
/// polled once through the real pipeline (fetch, parse, normalize, store) so the store holds every
/// entry; then each round re-polls every source through <see cref="SourcePoller"/> — the files are
/// touched first, so each is read and parsed again as a server that ignores conditional requests
/// would make us, and the store's content hashes tell the normalizer that nothing changed — against a
/// bare XmlReader pass over the same files (read every node, keep nothing). Both sides run on one
/// thread in the same process, alternating; the table shows medians.
/// </summary>
internal static class RepollBenchmark
{
    public static async Task RunAsync(string corpusDirectory, string workDirectory, int rounds)
    {
        if (Directory.Exists(workDirectory))
            Directory.Delete(workDirectory, recursive: true);
        // Copies: the rounds touch the files, and the corpus stays as it was made.
        var feeds = Directory.CreateDirectory(Path.Combine(workDirectory, "feeds")).FullName;
        var files = Directory.GetFiles(corpusDirectory).Order(StringComparer.Ordinal)
            .Select(file => { var copy = Path.Combine(feeds, Path.GetFileName(file)); File.Copy(file, copy); return copy; })
            .ToList();
        var sources = files.Select(Source).ToList();
        var settings = new AggregatorSettings
        {
            Site = new SiteDefinition { Title = "re-poll bench", BaseUrl = new Uri("https://bench.example.com/") },
            Sources = sources,
            Categories = [],
        };
        var paths = new AggregatorPaths(Path.Combine(workDirectory, "feeds.json"), Path.Combine(workDirectory, "data"), Path.Combine(workDirectory, "public"));
        await using var services = await PipelineServices.BuildAsync(settings, paths, new LoggingOptions("text", "error"), CancellationToken.None);
        var poller = services.Get<SourcePoller>();
        await services.Store.SyncSourcesAsync(sources, CancellationToken.None);

        var first = await PollAllAsync(poller, sources, files);
        var stored = first.Sum(r => r.Ingest.Added + r.Ingest.Merged);
        Console.WriteLine($"corpus {corpusDirectory}: {files.Count} feeds, {first.Sum(r => r.Entries)} entries; first poll stored {stored} ({first.Count(r => !r.Succeeded)} failed)");

        var repoll = new List<double>();
        var bare = new List<double>();
        var stages = new List<double>();
        var parser = services.Get<IFeedParser>();
        var normalizer = services.Get<IArticleNormalizer>();
        var entries = 0;
        // Warm-up of the floor and of the stages alone, as the first poll warmed up the re-poll path.
        BareXmlReaderPass(files);
        ReadScanIdentify(parser, normalizer, sources[0]);
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var nodes = BareXmlReaderPass(files);
            bare.Add(clock.Elapsed.TotalSeconds);

            // The read, scan and identify stages alone over the same files: what the poll costs beyond the store.
            clock.Restart();
            foreach (var source in sources)
                ReadScanIdentify(parser, normalizer, source);
            stages.Add(clock.Elapsed.TotalSeconds);

            Touch(files);
            clock.Restart();
            var reports = await PollAllAsync(poller, sources, []);
            repoll.Add(clock.Elapsed.TotalSeconds);

            entries = reports.Sum(r => r.Entries);
            var changed = reports.Sum(r => r.Ingest.Added + r.Ingest.Updated + r.Ingest.Merged);
            var unchanged = reports.Sum(r => r.Ingest.Unchanged);
            if (changed != 0 || reports.Any(r => r.Status != PollStatus.Ok))
                throw new InvalidOperationException($"re-poll round {round + 1} was not steady: {changed} entries changed, {reports.Count(r => r.Status != PollStatus.Ok)} polls not Ok.");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: bare XmlReader {bare[^1]:F3} s ({nodes} nodes); read+scan+identify alone {stages[^1]:F3} s; re-poll {repoll[^1]:F3} s ({entries} entries, {unchanged} unchanged, 0 changed); ratio {bare[^1] / repoll[^1]:F2}"));
        }

        if (Environment.GetEnvironmentVariable("PHASES") != "0")
        {
            var phases = new RepollPhases(services.Get<Aggregator.Fetching.IFeedFetcher>(), parser, normalizer, services.Store);
            await phases.RunAsync(sources, () => Touch(files));
        }

        var repollRate = entries / Median(repoll);
        var bareRate = entries / Median(bare);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"medians of {rounds} rounds, one thread, same process:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"re-poll items/s",16} {"bare XmlReader items/s",23} {"ratio",6}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repollRate,16:F0} {bareRate,23:F0} {repollRate / bareRate,6:F2}"));
        var stagesRate = entries / Median(stages);
        // What the poll adds per source beyond the stages alone: the fetch (an async file read, not
        // File.ReadAllBytes), the store's health read, known-hash lookup and health write, and the awaits between.
        var restMilliseconds = (Median(repoll) - Median(stages)) * 1000 / sources.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read+scan+identify alone (no store): {stagesRate:F0} items/s, {stagesRate / bareRate:F2}x the bare XmlReader pass; the rest of the re-poll (fetch, the store's per-source reads and health write) is ~{restMilliseconds:F2} ms a source"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH\tre-poll (all known) vs bare XmlReader\t{repollRate:N0}\t{bareRate:N0}\t{repollRate / bareRate:F2}x\titems/s, one thread, in-process medians of {rounds}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH\tre-poll read+scan+identify alone vs bare XmlReader\t{stagesRate:N0}\t{bareRate:N0}\t{stagesRate / bareRate:F2}x\titems/s, no fetch, no store; those add ~{restMilliseconds:F2} ms a source"));
    }

    private static SourceDefinition Source(string file, int index) => new()
    {
        Id = Path.GetFileNameWithoutExtension(file),
        Title = Path.GetFileNameWithoutExtension(file),
        Url = new Uri(Path.GetFullPath(file)),
        Categories = ["财经"],
        Schedule = "0 */10 * * * ?",
        Priority = 10 + index,
    };

    private static async Task<List<PollReport>> PollAllAsync(SourcePoller poller, List<SourceDefinition> sources, List<string> touch)
    {
        Touch(touch);
        var reports = new List<PollReport>(sources.Count);
        foreach (var source in sources)
            reports.Add(await poller.PollAsync(source, CancellationToken.None));
        return reports;
    }

    /// <summary>
    /// What a re-poll does with a known feed before the store: the file read as the file: reader reads
    /// it (one read into a pooled array), the scan (bodies digested, not made into strings), the keys
    /// and raw hashes. A document the scan cannot read would be parsed in full, as the poller would.
    /// </summary>
    private static int ReadScanIdentify(IFeedParser parser, IArticleNormalizer normalizer, SourceDefinition source)
    {
        using var stream = new FileStream(source.Url.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)stream.Length + 1);
        try
        {
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var payload = new FeedPayload(buffer.AsMemory(0, read), null, source.Url);
            return normalizer.Identify(parser.Scan(payload) ?? parser.Parse(payload), source).Count;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DateTime lastTouch = DateTime.MinValue;

    /// <summary>
    /// A new modification time: the file reader then reads the file again instead of answering "not
    /// modified". Last-Modified has whole seconds, so each touch is at least a second after the last
    /// (a small corpus re-polls in less than a second).
    /// </summary>
    private static void Touch(List<string> files)
    {
        var now = DateTime.UtcNow;
        lastTouch = now > lastTouch.AddSeconds(1) ? now : lastTouch.AddSeconds(1);
        foreach (var file in files)
            File.SetLastWriteTimeUtc(file, lastTouch);
    }

    /// <summary>The floor: the same bytes from disk through an XmlReader, every node read, nothing kept.</summary>
    private static long BareXmlReaderPass(List<string> files)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = false };
        long nodes = 0;
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
                nodes++;
        }

        return nodes;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
