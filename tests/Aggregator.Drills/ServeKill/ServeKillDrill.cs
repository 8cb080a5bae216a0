using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Aggregator.Drills.Kill;
using Aggregator.Publishing;

namespace Aggregator.Drills.ServeKill;

/// <summary>
/// Starts the real `serve` against a fixture server whose sources it polls every few seconds and
/// SIGKILLs it at a random moment, round after round (the fixture switches generations, so rounds
/// bring new entries and publishes). Just before each kill it reads the ids committed in the store;
/// after the kill: integrity_check is ok, every id ever seen committed is still there, every
/// published file is whole, no temp file sits under a name a reader would fetch. A last `serve`
/// must publish and stop gracefully on SIGTERM.
/// </summary>
internal static class ServeKillDrill
{
    public static async Task<int> CommandAsync(DrillArguments args, TextWriter output)
    {
        var options = new ServeKillOptions
        {
            Rounds = args.Int("--rounds", 12),
            Seed = args.Int("--seed", 6),
            Feeds = args.Int("--feeds", 30),
            PollSeconds = args.Int("--poll-seconds", 2),
            Work = args.Text("--work") ?? Path.Combine(Path.GetTempPath(), "aggregator-serve-kill-drill-" + Environment.ProcessId),
            AggregatorDll = DrillPaths.AggregatorDll(),
        };
        var result = await RunAsync(options, output);
        return DrillReport.Print(result, output);
    }

    public static async Task<ServeKillResult> RunAsync(ServeKillOptions options, TextWriter? log)
    {
        var random = new Random(options.Seed);
        var corpora = await KillFixture.GenerateAsync(options.Work, options.Feeds, options.Seed);
        await using var server = await FixtureServer.StartAsync(corpora[0]);
        var config = WriteConfig(options, corpora[0], server.BaseAddress);
        var data = Path.Combine(options.Work, "data");
        var output = Path.Combine(options.Work, "out");
        foreach (var folder in new[] { data, output, Path.Combine(options.Work, "warm-data"), Path.Combine(options.Work, "warm-out") })
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }

        // How long a fresh serve takes to poll everything and publish once, on a scratch store: kills land
        // from 300 ms (start-up, schema, first polls) to well after it (steady polling, republishes).
        var firstPublish = await TimeToFirstPublishAsync(options.AggregatorDll, config, Path.Combine(options.Work, "warm-data"), Path.Combine(options.Work, "warm-out"));
        var longest = Math.Max(1500, (int)(firstPublish.TotalMilliseconds * 2.5));
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serve-kill: a fresh serve over {options.Feeds} feeds publishes after {firstPublish.TotalMilliseconds:0} ms; killing between 300 and {longest} ms"));

        var tally = new Tally();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < options.Rounds; round++)
        {
            server.Folder = corpora[round % corpora.Count];
            using var serve = ServeProcess.Start(options.AggregatorDll, config, data, output);
            await Task.Delay(random.Next(300, longest + 1));
            seen.UnionWith(CommittedArticles.Read(data));
            if (serve.HasExited)
            {
                tally.ExitedEarly++;
                tally.Problems.Add($"round {round}: serve exited by itself before the kill; its last lines:");
                tally.Problems.AddRange(serve.LastLines);
            }
            else
            {
                await serve.KillAsync();
                tally.Kills++;
            }

            Check(round, data, output, seen, tally);
        }

        server.Folder = corpora[0];
        int? finalExit;
        bool published;
        using (var serve = ServeProcess.Start(options.AggregatorDll, config, data, output))
        {
            var started = DateTime.UtcNow;
            published = await WaitForPublishAsync(serve, output, started, TimeSpan.FromSeconds(120));
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds * 2 + 3));
            finalExit = await serve.StopAsync(TimeSpan.FromSeconds(40));
            if (finalExit != 0 || !published)
            {
                tally.Problems.Add($"the final serve {(published ? "published" : "did not publish")} and exited with {finalExit?.ToString(CultureInfo.InvariantCulture) ?? "no code (killed after 40 s)"}; its last lines:");
                tally.Problems.AddRange(serve.LastLines);
            }
        }

        var final = Check(options.Rounds, data, output, seen, tally);
        return new ServeKillResult(options.Rounds, tally.Kills, tally.ExitedEarly, tally.IntegrityFailures, tally.Torn, tally.Lost,
            tally.VisibleTemps, tally.HiddenTemps, seen.Count, final, finalExit ?? -1, published, tally.Problems);
    }

    /// <summary>KillFixture's feeds.json with every source polled each <see cref="ServeKillOptions.PollSeconds"/> seconds.</summary>
    private static string WriteConfig(ServeKillOptions options, string corpus, Uri server)
    {
        var path = KillFixture.WriteConfig(options.Work, corpus, server);
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        config["defaults"]!["schedule"] = $"*/{options.PollSeconds} * * * * ?";
        config["fetch"] = new JsonObject { ["maxConcurrent"] = 8, ["maxConcurrentPerHost"] = 8 };
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    private static async Task<TimeSpan> TimeToFirstPublishAsync(string dll, string config, string data, string output)
    {
        var clock = Stopwatch.StartNew();
        using var serve = ServeProcess.Start(dll, config, data, output);
        var published = await WaitForPublishAsync(serve, output, DateTime.UtcNow.AddMinutes(-1), TimeSpan.FromSeconds(120));
        var elapsed = clock.Elapsed;
        await serve.KillAsync();
        return published ? elapsed : throw new InvalidOperationException("serve-kill: a fresh serve did not publish within 120 s; its last lines:\n" + string.Join("\n", serve.LastLines));
    }

    /// <summary>
    /// Waits until <paramref name="serve"/> has published: feeds/all.atom was written after
    /// <paramref name="after"/>, or serve answers it over HTTP with the very bytes on disk. serve
    /// publishes before it listens, and writes a file only when its bytes change, so a restart over
    /// an unchanged store rightly leaves the file's time alone.
    /// </summary>
    private static async Task<bool> WaitForPublishAsync(ServeProcess serve, string output, DateTime after, TimeSpan patience)
    {
        var all = Path.Combine(output, "feeds", "all.atom");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (File.Exists(all) && (File.GetLastWriteTimeUtc(all) >= after || await ServesFileAsync(http, new Uri(serve.Address, "feeds/all.atom"), all)))
                return true;
            await Task.Delay(100);
        }

        return false;
    }

    private static async Task<bool> ServesFileAsync(HttpClient http, Uri url, string file)
    {
        try
        {
            using var response = await http.GetAsync(url);
            if (!response.IsSuccessStatusCode)
                return false;
            var served = await response.Content.ReadAsByteArrayAsync();
            var onDisk = await File.ReadAllBytesAsync(file);
            return served.AsSpan().SequenceEqual(onDisk);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            // Not listening yet (still publishing), or the file is being replaced: ask again.
            return false;
        }
    }

    private static long Check(int round, string data, string output, HashSet<string> seen, Tally tally)
    {
        var (integrity, articles) = OutputCheck.Store(data);
        if (integrity != "ok")
        {
            tally.IntegrityFailures++;
            tally.Problems.Add($"round {round}: integrity_check says {integrity}");
        }

        var now = CommittedArticles.Read(data);
        var missing = seen.Where(id => !now.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            tally.Lost += missing.Count;
            tally.Problems.Add($"round {round}: {missing.Count} articles seen committed are gone, e.g. {missing[0]}");
        }

        seen.UnionWith(now);
        var (broken, _) = OutputCheck.Published(output);
        tally.Torn += broken.Count;
        tally.Problems.AddRange(broken.Select(file => $"round {round}: torn {file}"));
        var temps = Directory.Exists(output) ? Directory.EnumerateFiles(output, "*" + AtomicFileWriter.TempSuffix, SearchOption.AllDirectories).ToList() : [];
        var visible = temps.Where(path => !Path.GetFileName(path).StartsWith('.')).ToList();
        tally.VisibleTemps += visible.Count;
        tally.HiddenTemps = temps.Count - visible.Count;
        tally.Problems.AddRange(visible.Select(path => $"round {round}: visible temp file {Path.GetRelativePath(output, path)}"));
        return articles;
    }

    private sealed class Tally
    {
        public int Kills { get; set; }
        public int ExitedEarly { get; set; }
        public int IntegrityFailures { get; set; }
        public int Torn { get; set; }
        public long Lost { get; set; }
        public int VisibleTemps { get; set; }
        public int HiddenTemps { get; set; }
        public List<string> Problems { get; } = [];
    }
}
