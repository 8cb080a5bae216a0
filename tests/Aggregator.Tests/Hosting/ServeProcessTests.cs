using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Storage;
using Aggregator.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Aggregator.Tests.Hosting;

/// <summary>
/// Issue 5's acceptance test at process level: the built `serve` command runs as a child process
/// against fixture feeds on 127.0.0.1, feeds.json is edited under it, and it is stopped with SIGTERM
/// the way a container orchestrator stops it. Everything is observed from outside: the fixture
/// server's request counts, and the merged feed and /health over HTTP.
/// </summary>
public sealed partial class ServeProcessTests(ITestOutputHelper log)
{
    private const string EveryTwoSeconds = "*/2 * * * * ?";
    private const string OnceAYear = "0 0 0 1 1 ?";

    // Deadlines, not sleeps: a wait ends as soon as its condition holds; these bound a loaded CI machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    // Stories far enough apart that the store keeps one article per source instead of merging them.
    private static readonly Dictionary<string, (string Title, string Body)> Stories = new(StringComparer.Ordinal)
    {
        ["a"] = ("Copper climbs as Chilean miners strike", "Futures in London rose four percent on supply worries."),
        ["b"] = ("Central bank leaves rates unchanged in March", "Policy makers voted seven to two and kept guidance."),
        ["c"] = ("Chip makers slide after weak earnings guidance", "Semiconductor shares fell across Asian exchanges."),
        ["d"] = ("Oil producers extend output cuts into summer", "Brent crude gained after the cartel announced the deal."),
    };

    [Fact]
    public Task ServeAppliesEditsOfFeedsJsonKeepsRunningThroughABrokenOneAndStopsCleanlyOnSigterm() =>
        RunAsync(log, nativeExecutable: null);

    /// <summary>The whole scenario against the JIT build (null) or a native executable.</summary>
    internal static async Task RunAsync(ITestOutputHelper log, string? nativeExecutable)
    {
        if (OperatingSystem.IsWindows())
            return;
        await using var server = await FixtureServer.StartAsync();
        foreach (var id in new[] { "a", "b", "c", "d" })
            server.MapText($"/{id}.xml", SchedulingFeeds.Rss(id, Stories[id].Title, Stories[id].Body), "application/rss+xml");
        using var temp = new TempDirectory();
        var configFile = temp.WriteFile("feeds.json", SchedulingFeeds.Config(server, ("a", EveryTwoSeconds), ("b", OnceAYear), ("c", EveryTwoSeconds)));
        await using var serve = HostingServeProcess.Start(configFile, temp.Combine("data"), temp.Combine("public"), nativeExecutable);
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await RunScenarioAsync(server, serve, http, temp, configFile);
        }
        finally
        {
            log.WriteLine(serve.Output);
        }
    }

    private static async Task RunScenarioAsync(FixtureServer server, HostingServeProcess serve, HttpClient http, TempDirectory temp, string configFile)
    {
        // Start-up: every source is polled once (never polled before), a and c then every 2 s, b not
        // again for a year; all three stories reach the merged feed served over HTTP.
        await SchedulingWait.UntilAsync(async () => await GetAsync(http, "health") is not null, "serve answered /health", TimeSpan.FromSeconds(60));
        await WaitForFeedAsync(http, Stories["a"].Title, Stories["b"].Title, Stories["c"].Title);
        await SchedulingWait.UntilAsync(() => server.RequestCount("/a.xml") >= 3 && server.RequestCount("/c.xml") >= 3, "a and c were polled on their 2-second schedule", Patience);
        Assert.Equal(1, server.RequestCount("/b.xml"));

        // The edit, written the way editors save (a new file renamed over the old one): add d, b every
        // 2 seconds instead of once a year, remove c.
        var edited = SchedulingFeeds.Config(server, ("a", EveryTwoSeconds), ("b", EveryTwoSeconds), ("d", EveryTwoSeconds));
        File.Move(temp.WriteFile("feeds.json.tmp", edited), configFile, overwrite: true);
        await WaitForFeedAsync(http, Stories["d"].Title);
        await SchedulingWait.UntilAsync(() => server.RequestCount("/b.xml") >= 4, "b was polled on its new 2-second schedule", Patience);
        Assert.Equal(new[] { "a", "b", "d" }, await HealthSourceIdsAsync(http));
        // A poll of c that had already started when the edit landed may still finish; after it, none.
        var cAfterEdit = server.RequestCount("/c.xml");
        var aAfterEdit = server.RequestCount("/a.xml");
        await SchedulingWait.UntilAsync(() => server.RequestCount("/a.xml") >= aAfterEdit + 3, "a was polled three more times", Patience);
        Assert.Equal(cAfterEdit, server.RequestCount("/c.xml"));

        // A broken file (a missing comma): reported with file:line:column, the old configuration runs on.
        await File.WriteAllTextAsync(configFile, edited.Replace("\"title\": \"Source d\",", "\"title\": \"Source d\"", StringComparison.Ordinal));
        string? error = null;
        await SchedulingWait.UntilAsync(async () => (error = await ConfigurationErrorAsync(http)) is not null, "/health reported the invalid feeds.json", Patience);
        Assert.Matches(FileLineColumn(), error);
        Assert.Contains(configFile, error, StringComparison.Ordinal);
        var before = new[] { "a", "b", "d" }.ToDictionary(id => id, id => server.RequestCount($"/{id}.xml"));
        await SchedulingWait.UntilAsync(
            () => before.All(pair => server.RequestCount($"/{pair.Key}.xml") >= pair.Value + 2), "a, b and d kept polling with the old configuration", Patience);
        Assert.Equal(cAfterEdit, server.RequestCount("/c.xml"));
        Assert.Equal(new[] { "a", "b", "d" }, await HealthSourceIdsAsync(http));
        Assert.Contains(Stories["d"].Title, await GetAsync(http, "feeds/all.atom"), StringComparison.Ordinal);

        // SIGTERM: a graceful stop, exit code 0 within the shutdown bound, a consistent store.
        await serve.SignalAsync("TERM");
        Assert.True(await serve.WaitForExitAsync(TimeSpan.FromSeconds(30)), "serve did not exit within 30 s of SIGTERM");
        Assert.Equal(0, serve.ExitCode);
        await using var connection = new SqliteConnection($"Data Source={temp.Combine("data", SqliteArticleStore.FileName)};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
        var stored = (await connection.QueryAsync<string>("SELECT DISTINCT source_id FROM articles ORDER BY source_id;")).ToList();
        Assert.Equal(new[] { "a", "b", "c", "d" }, stored);
    }

    private static Task WaitForFeedAsync(HttpClient http, params string[] stories) =>
        SchedulingWait.UntilAsync(
            async () => await GetAsync(http, "feeds/all.atom") is { } atom && stories.All(story => atom.Contains(story, StringComparison.Ordinal)),
            "the merged feed served over HTTP had " + string.Join(", ", stories),
            Patience);

    private static async Task<IReadOnlyList<string>> HealthSourceIdsAsync(HttpClient http)
    {
        using var health = JsonDocument.Parse(await GetAsync(http, "health") ?? "{}");
        return [.. health.RootElement.GetProperty("sources").EnumerateArray().Select(source => source.GetProperty("id").GetString()!)];
    }

    private static async Task<string?> ConfigurationErrorAsync(HttpClient http)
    {
        using var health = JsonDocument.Parse(await GetAsync(http, "health") ?? "{}");
        var configuration = health.RootElement.GetProperty("configuration");
        return configuration.GetProperty("valid").GetBoolean() ? null : configuration.GetProperty("error").GetString();
    }

    /// <summary>The body of a 200 (or 503 for /health, which still reports), or null while serve is not answering.</summary>
    private static async Task<string?> GetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"feeds\.json:\d+:\d+: ")]
    private static partial Regex FileLineColumn();
}
