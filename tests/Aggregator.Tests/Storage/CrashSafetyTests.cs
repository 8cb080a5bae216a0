using System.Collections.Concurrent;
using System.Diagnostics;
using Aggregator.Storage;
using Aggregator.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Aggregator.Tests.Storage;

/// <summary>
/// Kills a process that ingests batches with SIGKILL at random moments, then checks the store: the
/// file is intact, it opens (migrations included) and every batch reported committed is there.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Kills = 28;

    [Fact]
    public async Task AKilledIngestLosesNoCommittedArticleAndLeavesTheDatabaseIntact()
    {
        var directory = StorageTestStore.NewDirectory();
        var random = new Random(20261127);
        var committed = new List<(string SourceId, string Key)>();
        var killedMidIngest = 0;
        try
        {
            for (var round = 0; round < Kills; round++)
            {
                // Every seventh round is killed without waiting for a commit: during start-up or migration.
                var waitForCommit = round % 7 != 0;
                var lines = await RunAndKillAsync(directory, round, waitForCommit, random.Next(0, 400));
                // Only whole lines ("." last): SIGKILL can cut the last line short between two writes.
                var batches = lines.Where(line => line.StartsWith("committed\t", StringComparison.Ordinal) && line.EndsWith("\t.", StringComparison.Ordinal)).ToList();
                if (batches.Count > 0)
                    killedMidIngest++;
                foreach (var line in batches)
                {
                    var parts = line.Split('\t');
                    committed.AddRange(parts[2].Split(',').Select(key => (parts[1], key)));
                }

                await AssertIntactAsync(directory, committed);
            }

            output.WriteLine($"{Kills} kills, {killedMidIngest} after at least one commit, {committed.Count} committed entries verified.");
            Assert.True(killedMidIngest >= 20, $"only {killedMidIngest} kills happened during ingest");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertIntactAsync(string directory, List<(string SourceId, string Key)> committed)
    {
        var file = Path.Combine(directory, SqliteArticleStore.FileName);
        // A kill before the child created the file leaves nothing to check but a clean start.
        if (File.Exists(file))
        {
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync();
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
        }

        await using var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None);
        foreach (var group in committed.GroupBy(entry => entry.SourceId))
        {
            var keys = group.Select(entry => entry.Key).ToList();
            var known = await store.GetKnownContentHashesAsync(group.Key, keys, CancellationToken.None);
            var missing = keys.Where(key => !known.ContainsKey(key)).ToList();
            Assert.True(missing.Count == 0, $"committed entries of {group.Key} are missing after a kill: {string.Join(", ", missing.Take(5))}");
        }
    }

    private static async Task<List<string>> RunAndKillAsync(string directory, int round, bool waitForCommit, int delayMilliseconds)
    {
        var lines = new ConcurrentQueue<string>();
        var firstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = DrillStartInfo(directory, round) };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lines.Enqueue(e.Data);
            if (e.Data.StartsWith("committed\t", StringComparison.Ordinal))
                firstCommit.TrySetResult();
        };
        process.Start();
        process.BeginOutputReadLine();
        if (waitForCommit)
            await firstCommit.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(delayMilliseconds);
        process.Kill(); // SIGKILL on Unix: no finally blocks, no flush, no checkpoint.
        await process.WaitForExitAsync();
        return [.. lines];
    }

    private static ProcessStartInfo DrillStartInfo(string directory, int round)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DrillAssembly());
        start.ArgumentList.Add("drill");
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(round.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return start;
    }

    private static string DotnetHost()
    {
        var host = Environment.ProcessPath;
        return host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
    }

    /// <summary>tests/StoreKillDrill/bin/&lt;configuration&gt;/&lt;tfm&gt;/StoreKillDrill.dll, beside this assembly's own bin folder.</summary>
    private static string DrillAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var testsFolder = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(testsFolder, "StoreKillDrill", "bin", configuration, framework, "StoreKillDrill.dll");
        Assert.True(File.Exists(path), $"the crash drill child was not built at {path}");
        return path;
    }
}
