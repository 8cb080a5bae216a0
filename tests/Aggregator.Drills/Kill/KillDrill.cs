using System.Diagnostics;
using System.Globalization;

namespace Aggregator.Drills.Kill;

/// <summary>
/// Starts `run-once` as a child process against a fixture server and SIGKILLs it at a random moment,
/// round after round, then checks what it left: the store passes integrity_check, no article count
/// ever goes down, every published file is whole. A last clean run must succeed and publish.
/// (`serve` has its own drill, <see cref="ServeKill.ServeKillDrill"/>.)
/// </summary>
internal static class KillDrill
{
    public static async Task<int> CommandAsync(DrillArguments args, TextWriter output)
    {
        var options = new KillOptions
        {
            Rounds = args.Int("--rounds", 20),
            Seed = args.Int("--seed", 6),
            Feeds = args.Int("--feeds", 50),
            Work = args.Text("--work") ?? Path.Combine(Path.GetTempPath(), "aggregator-kill-drill-" + Environment.ProcessId),
            AggregatorDll = DrillPaths.AggregatorDll(),
        };
        var result = await RunAsync(options, output);
        return DrillReport.Print(result, output);
    }

    public static async Task<KillResult> RunAsync(KillOptions options, TextWriter? log)
    {
        var random = new Random(options.Seed);
        var corpora = await KillFixture.GenerateAsync(options.Work, options.Feeds, options.Seed);
        await using var server = await FixtureServer.StartAsync(corpora[0]);
        var config = KillFixture.WriteConfig(options.Work, corpora[0], server.BaseAddress);
        var data = Path.Combine(options.Work, "data");
        var output = Path.Combine(options.Work, "out");
        foreach (var folder in new[] { data, output })
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }

        // The typical run time, measured on a scratch store: kills land between 50 ms and that.
        var (_, typical) = await RunOnceAsync(options.AggregatorDll, config, Path.Combine(options.Work, "warm-data"), Path.Combine(options.Work, "warm-out"), killAfter: null);
        // Later rounds only add a generation's new entries, so they are shorter than this first full run.
        var longest = Math.Max(100, (int)(typical.TotalMilliseconds * 0.6));
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill: a clean run-once over {options.Feeds} feeds takes {typical.TotalMilliseconds:0} ms; killing between 50 and {longest} ms"));

        int kills = 0, finished = 0, integrityFailures = 0, torn = 0, leftovers = 0;
        long lost = 0, most = 0;
        var problems = new List<string>();
        for (var round = 0; round < options.Rounds; round++)
        {
            server.Folder = corpora[round % corpora.Count];
            var delay = TimeSpan.FromMilliseconds(random.Next(50, longest + 1));
            var (exit, _) = await RunOnceAsync(options.AggregatorDll, config, data, output, delay);
            if (exit is null)
                kills++;
            else
                finished++;
            Check(round, data, output, ref integrityFailures, ref torn, ref leftovers, ref lost, ref most, problems);
        }

        server.Folder = corpora[0];
        var finalLines = new List<string>();
        var (finalExit, _) = await RunOnceAsync(options.AggregatorDll, config, data, output, killAfter: null, finalLines);
        Check(options.Rounds, data, output, ref integrityFailures, ref torn, ref leftovers, ref lost, ref most, problems);
        var published = File.Exists(Path.Combine(output, "feeds", "all.atom")) && File.Exists(Path.Combine(output, "index.html"));
        if (finalExit != 0)
        {
            problems.Add($"the final clean run exited with {finalExit?.ToString(CultureInfo.InvariantCulture) ?? "no code"}; its output:");
            problems.AddRange(finalLines.Where(line => !line.Contains(" ok ", StringComparison.Ordinal)).Take(30));
        }
        return new KillResult(options.Rounds, kills, finished, integrityFailures, torn, lost, leftovers, most, finalExit ?? -1, published, problems);
    }

    private static void Check(int round, string data, string output, ref int integrityFailures, ref int torn, ref int leftovers, ref long lost, ref long most, List<string> problems)
    {
        var (integrity, articles) = OutputCheck.Store(data);
        if (integrity != "ok")
        {
            integrityFailures++;
            problems.Add($"round {round}: integrity_check says {integrity}");
        }

        if (articles < most)
        {
            lost += most - articles;
            problems.Add($"round {round}: the store went from {most} to {articles} articles");
        }

        most = Math.Max(most, articles);
        var (broken, temps) = OutputCheck.Published(output);
        torn += broken.Count;
        leftovers = temps;
        problems.AddRange(broken.Select(file => $"round {round}: torn {file}"));
    }

    /// <summary>Runs `run-once`; with <paramref name="killAfter"/>, SIGKILLs it then (exit code null when it was killed).</summary>
    private static async Task<(int? Exit, TimeSpan Elapsed)> RunOnceAsync(string dll, string config, string data, string output, TimeSpan? killAfter, List<string>? lines = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "run-once", "--config", config, "--data", data, "--out", output },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kill: could not start dotnet.");
        void Keep(object sender, DataReceivedEventArgs line)
        {
            if (lines is not null && line.Data is { } text)
            {
                lock (lines)
                    lines.Add(text);
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (killAfter is { } delay)
        {
            using var exited = new CancellationTokenSource(delay);
            try
            {
                await process.WaitForExitAsync(exited.Token);
                return (process.ExitCode, clock.Elapsed);
            }
            catch (OperationCanceledException)
            {
                // Process.Kill is SIGKILL on Unix: no handler runs, as in a power cut of the process.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return (null, clock.Elapsed);
            }
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, clock.Elapsed);
    }
}
