using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Aggregator.Drills.Soak;

/// <summary>
/// The real `serve` over N fixture sources polled every interval (each gains an entry per interval)
/// while wrk requests the merged feeds: zero failed requests, zero lost articles (every entry the
/// fixture served is in the store after one more poll of every source), resident memory sampled
/// every few seconds and judged flat on long runs. Ends with a graceful SIGTERM.
/// </summary>
internal static class SoakDrill
{
    private const int Categories = 10;

    public static async Task<int> CommandAsync(DrillArguments args, TextWriter output)
    {
        var seconds = args.Int("--seconds", args.Int("--minutes", 10) * 60);
        var options = new SoakOptions
        {
            Duration = TimeSpan.FromSeconds(seconds),
            Feeds = args.Int("--feeds", 1000),
            PollSeconds = args.Int("--poll-seconds", 60),
            SampleSeconds = args.Int("--sample-seconds", 10),
            Work = args.Text("--work") ?? Path.Combine(Path.GetTempPath(), "aggregator-soak-drill-" + Environment.ProcessId),
            AggregatorDll = DrillPaths.AggregatorDll(),
        };
        var result = await RunAsync(options, output);
        output.WriteLine("soak: resident memory (seconds since start:MiB) " + result.Curve());
        return DrillReport.Print(result, output);
    }

    public static async Task<SoakResult> RunAsync(SoakOptions options, TextWriter? log)
    {
        if (60 % options.PollSeconds != 0 && options.PollSeconds != 60)
            throw new ArgumentException("soak: --poll-seconds must divide 60.");
        if (Directory.Exists(options.Work))
            Directory.Delete(options.Work, recursive: true);
        Directory.CreateDirectory(options.Work);
        var problems = new List<string>();
        await using var fixture = await SoakFixture.StartAsync(options.Feeds, TimeSpan.FromSeconds(options.PollSeconds));
        var config = WriteConfig(options, fixture.BaseAddress);
        var data = Path.Combine(options.Work, "data");
        var output = Path.Combine(options.Work, "out");

        using var serve = ServeProcess.Start(options.AggregatorDll, config, data, output);
        var clock = Stopwatch.StartNew();
        var memory = new List<(double Seconds, double Megabytes)>();
        using var stopSampling = new CancellationTokenSource();
        var sampler = SampleAsync(serve, clock, TimeSpan.FromSeconds(options.SampleSeconds), memory, log, stopSampling.Token);

        // Ready when the merged feed is served over HTTP with entries in it: the first polls were stored and published.
        if (!await WaitUntilServedAsync(serve, clock, TimeSpan.FromMinutes(10)))
            throw new InvalidOperationException("soak: serve did not serve a merged feed with entries within 10 minutes; its last lines:\n" + string.Join("\n", serve.LastLines));
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: first publish after {clock.Elapsed.TotalSeconds:0} s; requesting the merged feeds for {options.Duration.TotalSeconds:0} s"));

        var paths = Enumerable.Range(0, Categories).Select(i => $"/feeds/topic-{i}.atom").Prepend("/feeds/all.atom").ToList();
        var load = await SoakLoad.RunAsync(serve.Address, paths, options.Duration, options.Work);
        if (load.Failed > 0)
            problems.Add("the load saw failures:\n" + load.Report);

        // No new entries from now on; once every source was polled again and the store settled, every entry served must be stored.
        var frozen = DateTimeOffset.UtcNow;
        fixture.Freeze();
        var patience = Stopwatch.StartNew();
        while (!fixture.AllRequestedSince(frozen) && patience.Elapsed < TimeSpan.FromSeconds(options.PollSeconds * 2 + 60))
            await Task.Delay(500);
        if (!fixture.AllRequestedSince(frozen))
            problems.Add("not every source was polled again within two intervals after the fixture froze");
        var served = fixture.Served;
        List<(int Source, int Entry)> missing = [];
        for (var attempt = 0; attempt < 12; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var stored = StoredLinks(data);
            missing = [.. served.Where(entry => !stored.Contains(SoakFixture.Link(entry.Source, entry.Entry)))];
            if (missing.Count == 0)
                break;
        }

        if (missing.Count > 0)
            problems.Add($"{missing.Count} served entries are not in the store, e.g. {SoakFixture.Link(missing[0].Source, missing[0].Entry)}");
        var exit = await serve.StopAsync(TimeSpan.FromSeconds(60));
        await stopSampling.CancelAsync();
        await sampler;
        if (exit != 0)
        {
            problems.Add($"serve exited with {exit?.ToString(CultureInfo.InvariantCulture) ?? "no code (killed after 60 s)"} after SIGTERM; its last lines:");
            problems.AddRange(serve.LastLines);
        }

        var twice = StoredTwice(data);
        if (twice > 0)
            problems.Add($"{twice} articles share their canonical link with another article (the same entry stored twice?)");
        var (growth, judged) = Growth(memory, options);
        return new SoakResult(options.Feeds, options.Duration, load, fixture.Requests, fixture.NotModified, served.Count, missing.Count,
            Kill.OutputCheck.Store(data).Articles, memory, growth, judged, exit ?? -1, problems);
    }

    private static async Task<bool> WaitUntilServedAsync(ServeProcess serve, Stopwatch clock, TimeSpan patience)
    {
        using var client = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(10) };
        while (clock.Elapsed < patience && !serve.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("feeds/all.atom");
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("<entry>", StringComparison.Ordinal))
                    return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        return false;
    }

    private static string WriteConfig(SoakOptions options, Uri fixture)
    {
        var categories = new JsonObject();
        for (var i = 0; i < Categories; i++)
            categories["Topic " + i] = new JsonObject { ["slug"] = "topic-" + i };
        var sources = new JsonArray();
        for (var i = 0; i < options.Feeds; i++)
        {
            sources.Add(new JsonObject
            {
                ["id"] = string.Create(CultureInfo.InvariantCulture, $"soak-{i:0000}"),
                ["title"] = "Soak " + i,
                ["url"] = new Uri(fixture, string.Create(CultureInfo.InvariantCulture, $"s/{i}.xml")).AbsoluteUri,
                ["categories"] = new JsonArray("Topic " + (i % Categories)),
            });
        }

        var schedule = options.PollSeconds == 60 ? "0 * * * * ?" : $"*/{options.PollSeconds} * * * * ?";
        var config = new JsonObject
        {
            ["site"] = new JsonObject { ["title"] = "Soak drill", ["baseUrl"] = "http://127.0.0.1:8080/" },
            ["defaults"] = new JsonObject { ["schedule"] = schedule, ["timeout"] = "00:00:30", ["timeZone"] = "Asia/Shanghai" },
            // All sources share one host here; they stand for sites on as many hosts.
            ["fetch"] = new JsonObject { ["maxConcurrent"] = 16, ["maxConcurrentPerHost"] = 16 },
            ["categories"] = categories,
            ["sources"] = sources,
        };
        var path = Path.Combine(options.Work, "feeds.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    private static async Task SampleAsync(ServeProcess serve, Stopwatch clock, TimeSpan every, List<(double, double)> memory, TextWriter? log, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (serve.ResidentMegabytes() is { } megabytes)
                {
                    lock (memory)
                        memory.Add((clock.Elapsed.TotalSeconds, megabytes));
                    log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: t={clock.Elapsed.TotalSeconds,5:0} s  resident {megabytes,6:0} MiB"));
                }

                await Task.Delay(every, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends with the run.
        }
    }

    /// <summary>Median of the last third of the samples over the median of the middle third (the first third is warm-up: the initial ingest).</summary>
    private static (double? Growth, bool Judged) Growth(List<(double Seconds, double Megabytes)> memory, SoakOptions options)
    {
        if (memory.Count < 6)
            return (null, false);
        var third = memory.Count / 3;
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }

        var middle = Median(memory.Skip(third).Take(third).Select(s => s.Megabytes));
        var last = Median(memory.Skip(memory.Count - third).Select(s => s.Megabytes));
        return (last / middle, options.Duration >= options.JudgeMemoryAfter);
    }

    private static long StoredTwice(string data)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "aggregator.db")};Mode=ReadOnly;Pooling=False;Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) - count(DISTINCT canonical_link) FROM articles;";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static HashSet<string> StoredLinks(string data)
    {
        var links = new HashSet<string>(StringComparer.Ordinal);
        var file = Path.Combine(data, "aggregator.db");
        if (!File.Exists(file))
            return links;
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False;Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT link FROM article_entries WHERE link IS NOT NULL UNION SELECT canonical_link FROM articles WHERE canonical_link IS NOT NULL;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            links.Add(reader.GetString(0));
        return links;
    }
}
