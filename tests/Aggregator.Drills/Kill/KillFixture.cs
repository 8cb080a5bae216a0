using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aggregator.Drills.Kill;

/// <summary>The corpus (three generations from gen_corpus.py, so later rounds bring new entries) and the feeds.json pointing at the fixture server.</summary>
internal static class KillFixture
{
    public const int Generations = 3;

    public static async Task<IReadOnlyList<string>> GenerateAsync(string work, int feeds, int seed)
    {
        var script = Path.Combine(DrillPaths.Shared() ?? throw new DirectoryNotFoundException("kill: ../shared (gen_corpus.py) is missing."), "bench", "gen_corpus.py");
        var folders = new List<string>();
        for (var generation = 0; generation < Generations; generation++)
        {
            var folder = Path.Combine(work, "corpus-" + generation);
            folders.Add(folder);
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any())
                continue;
            var start = new ProcessStartInfo("/usr/bin/python3")
            {
                ArgumentList = { script, "--out", folder, "--feeds", feeds.ToString(), "--items", "40", "--seed", (seed + generation).ToString() },
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"kill: gen_corpus.py exited with {process.ExitCode}.");
        }

        return folders;
    }

    /// <summary>A feeds.json with one source per corpus file, spread over five categories.</summary>
    public static string WriteConfig(string work, string corpus, Uri server)
    {
        var categories = new JsonObject { ["Drill"] = new JsonObject { ["slug"] = "drill" } };
        for (var i = 0; i < 5; i++)
            categories["Group" + i] = new JsonObject { ["slug"] = "group-" + i };
        var sources = new JsonArray();
        var files = Directory.EnumerateFiles(corpus).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            sources.Add(new JsonObject
            {
                ["id"] = $"s{i:000}",
                ["title"] = $"Fixture {i}",
                ["url"] = new Uri(server, "feeds/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).AbsoluteUri,
                ["categories"] = new JsonArray("Drill", "Group" + (i % 5)),
            });
        }

        var config = new JsonObject
        {
            ["site"] = new JsonObject { ["title"] = "Kill drill", ["baseUrl"] = "http://127.0.0.1:8080/" },
            ["defaults"] = new JsonObject { ["schedule"] = "0 */10 * * * ?", ["timeout"] = "00:00:20", ["timeZone"] = "Asia/Shanghai" },
            ["categories"] = categories,
            ["sources"] = sources,
        };
        var path = Path.Combine(work, "feeds.json");
        File.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
