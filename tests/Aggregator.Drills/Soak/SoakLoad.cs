using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Aggregator.Drills.Soak;

/// <summary>
/// Requests the merged feeds (all.atom and the category feeds in turn) for a while and counts what
/// failed: wrk when installed (non-2xx/3xx responses and socket errors as it reports them), else
/// four HttpClient loops counted the same way.
/// </summary>
internal static partial class SoakLoad
{
    public static async Task<SoakLoadResult> RunAsync(Uri server, IReadOnlyList<string> paths, TimeSpan duration, string work)
    {
        var wrk = new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);
        return wrk is null ? await HttpClientLoopAsync(server, paths, duration) : await WrkAsync(wrk, server, paths, duration, work);
    }

    private static async Task<SoakLoadResult> WrkAsync(string wrk, Uri server, IReadOnlyList<string> paths, TimeSpan duration, string work)
    {
        var script = Path.Combine(work, "soak-paths.lua");
        await File.WriteAllTextAsync(script,
            "local paths = {" + string.Join(", ", paths.Select(p => "\"" + p + "\"")) + "}\n" +
            "local i = 0\n" +
            "request = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
        var start = new ProcessStartInfo(wrk)
        {
            ArgumentList = { "-t1", "-c8", "-d" + ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s", "--timeout", "10s", "-s", script, server.AbsoluteUri },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("soak: could not start wrk.");
        var text = await process.StandardOutput.ReadToEndAsync();
        text += await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        long Number(Regex pattern, int group = 1)
        {
            var match = pattern.Match(text);
            return match.Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        }

        var sockets = SocketErrors().Match(text);
        var socketErrors = sockets.Success ? Enumerable.Range(1, 4).Sum(g => long.Parse(sockets.Groups[g].Value, CultureInfo.InvariantCulture)) : 0;
        var total = Number(RequestCount());
        if (total == 0)
            throw new InvalidOperationException("soak: wrk made no requests; its output:\n" + text);
        return new SoakLoadResult("wrk -t1 -c8", total, Number(NonSuccess()), socketErrors, text.Trim());
    }

    private static async Task<SoakLoadResult> HttpClientLoopAsync(Uri server, IReadOnlyList<string> paths, TimeSpan duration)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        long total = 0, failed = 0, errors = 0;
        var until = DateTime.UtcNow + duration;
        var workers = Enumerable.Range(0, 4).Select(async worker =>
        {
            for (var i = worker; DateTime.UtcNow < until; i += 4)
            {
                try
                {
                    using var response = await client.GetAsync(paths[i % paths.Count].TrimStart('/'));
                    await response.Content.ReadAsByteArrayAsync();
                    Interlocked.Increment(ref total);
                    if ((int)response.StatusCode >= 400)
                        Interlocked.Increment(ref failed);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        return new SoakLoadResult("4 HttpClient loops (wrk is not installed)", total, failed, errors, "");
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
