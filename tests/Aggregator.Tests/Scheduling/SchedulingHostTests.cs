using Aggregator.Configuration;
using Aggregator.Hosting;
using Aggregator.Scheduling;
using Aggregator.Storage;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Tests.Scheduling;

/// <summary>
/// The scheduling in a plain generic host over the real pipeline: fixture feeds over HTTP, SQLite,
/// Atom files. Sources poll every 2 seconds; feeds.json is edited while the host runs.
/// </summary>
public sealed class SchedulingHostTests
{
    private const string EveryTwoSeconds = "*/2 * * * * ?";
    private const string OnceAYear = "0 0 0 1 1 ?";

    [Fact]
    public async Task EditsOfFeedsJsonTakeEffectWhileRunningAndABrokenFileKeepsTheOldConfiguration()
    {
        await using var server = await FixtureServer.StartAsync();
        foreach (var id in new[] { "a", "b", "c", "d" })
            server.MapText($"/{id}.xml", SchedulingFeeds.Rss(id), "application/rss+xml");
        using var temp = new TempDirectory();
        var configFile = temp.WriteFile("feeds.json", SchedulingFeeds.Config(server, ("a", EveryTwoSeconds), ("b", EveryTwoSeconds), ("c", EveryTwoSeconds)));
        var recorder = new SchedulingPublishRecorder();
        var host = Build(temp, configFile, recorder);
        await host.StartAsync();
        var configuration = host.Services.GetRequiredService<CurrentConfiguration>();
        var health = host.Services.GetRequiredService<ConfigurationHealth>();
        var inspector = host.Services.GetRequiredService<IScheduleInspector>();

        // The three configured sources poll, and their articles get published.
        await SchedulingWait.UntilAsync(() => new[] { "a", "b", "c" }.All(id => server.RequestCount($"/{id}.xml") >= 2), "a, b and c were each polled twice");
        await SchedulingWait.UntilAsync(() => recorder.Count >= 1, "a publish ran");
        Assert.True(File.Exists(temp.Combine("public", "feeds", "all.atom")));

        // Add d, move b to once a year, remove c; written the way editors do it: a new file renamed over the old.
        var edited = SchedulingFeeds.Config(server, ("a", EveryTwoSeconds), ("b", OnceAYear), ("d", EveryTwoSeconds));
        var scratch = temp.WriteFile("feeds.json.tmp", edited);
        File.Move(scratch, configFile, overwrite: true);
        await SchedulingWait.UntilAsync(
            async () => await inspector.NextFireTimesAsync() is var next
                && next.ContainsKey("d") && !next.ContainsKey("c") && next["b"] > DateTimeOffset.UtcNow.AddDays(1),
            "the scheduler had d, no longer c, and b once a year");
        Assert.NotNull(configuration.Find("d"));
        var bAfterEdit = server.RequestCount("/b.xml");
        var cAfterEdit = server.RequestCount("/c.xml");
        var dStart = server.RequestCount("/d.xml");
        await SchedulingWait.UntilAsync(() => server.RequestCount("/d.xml") >= dStart + 3, "the added source d was polled three times");
        // At most one poll of b or c that had already fired when the edit landed.
        Assert.InRange(server.RequestCount("/b.xml"), bAfterEdit, bAfterEdit + 1);
        Assert.InRange(server.RequestCount("/c.xml"), cAfterEdit, cAfterEdit + 1);
        var store = host.Services.GetRequiredService<IArticleStore>();
        var removed = (await store.GetAllHealthAsync(CancellationToken.None)).Single(h => h.SourceId == "c");
        Assert.True(removed.ArticleCount > 0, "the removed source's articles stay in the store");

        // A broken file: the error is reported with file:line:column, polling goes on as before.
        await File.WriteAllTextAsync(configFile, edited.Replace("\"title\": \"Source d\",", "\"title\": \"Source d\""));
        await SchedulingWait.UntilAsync(() => health.Error is not null, "the invalid file was reported");
        var problem = Assert.Single(health.Problems);
        Assert.Equal(configFile, problem.File);
        Assert.True(problem.Line > 1 && problem.Column > 1, problem.ToString());
        Assert.Contains($"{configFile}:{problem.Line}:{problem.Column}", health.Error);
        Assert.NotNull(health.Since);
        var aBefore = server.RequestCount("/a.xml");
        var dBefore = server.RequestCount("/d.xml");
        await SchedulingWait.UntilAsync(
            () => server.RequestCount("/a.xml") >= aBefore + 2 && server.RequestCount("/d.xml") >= dBefore + 2, "a and d kept polling");
        Assert.NotNull(configuration.Find("d"));

        // Fixed again: the error clears.
        await File.WriteAllTextAsync(configFile, edited);
        await SchedulingWait.UntilAsync(() => health.Error is null, "the valid file cleared the error");
        Assert.Empty(health.Problems);

        var stopping = host.StopAsync();
        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(30))));
        await stopping;
        await ((IAsyncDisposable)host).DisposeAsync();
    }

    [Fact]
    public async Task AValidEditThatChangesOnlyTheSiteTitleRepublishes()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapText("/a.xml", SchedulingFeeds.Rss("a"), "application/rss+xml");
        using var temp = new TempDirectory();
        var original = SchedulingFeeds.Config(server, ("a", OnceAYear));
        var configFile = temp.WriteFile("feeds.json", original);
        var recorder = new SchedulingPublishRecorder();
        var host = Build(temp, configFile, recorder);
        await host.StartAsync();
        var allFeed = temp.Combine("public", "feeds", "all.atom");
        // Wait for a's start-up poll and its publish too: counting publishes alone raced with that
        // poll's debounced publish, which could land after the edit was written but before it applied.
        await SchedulingWait.UntilAsync(() => server.RequestCount("/a.xml") >= 1 && recorder.Count >= 1, "the start-up poll and publish ran");
        await SchedulingWait.UntilAsync(() => File.Exists(allFeed) && File.ReadAllText(allFeed).Contains("Test News", StringComparison.Ordinal), "the original title was published");

        await File.WriteAllTextAsync(configFile, original.Replace("Test News", "Renamed News"));
        await SchedulingWait.UntilAsync(
            () => File.ReadAllText(allFeed).Contains("Renamed News", StringComparison.Ordinal), "the site change was published");

        Assert.DoesNotContain("Test News", await File.ReadAllTextAsync(allFeed), StringComparison.Ordinal);
        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
    }

    [Fact]
    public async Task ASourceAddedOnAYearlyScheduleIsPolledAtOnce()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapText("/a.xml", SchedulingFeeds.Rss("a"), "application/rss+xml");
        server.MapText("/e.xml", SchedulingFeeds.Rss("e"), "application/rss+xml");
        using var temp = new TempDirectory();
        var configFile = temp.WriteFile("feeds.json", SchedulingFeeds.Config(server, ("a", OnceAYear)));
        var host = Build(temp, configFile, new SchedulingPublishRecorder());
        await host.StartAsync();

        await File.WriteAllTextAsync(configFile, SchedulingFeeds.Config(server, ("a", OnceAYear), ("e", OnceAYear)));
        await SchedulingWait.UntilAsync(() => server.RequestCount("/e.xml") >= 1, "the added source was polled");

        // a was never polled, so it got its one start-up poll; its yearly schedule adds none.
        Assert.True(server.RequestCount("/a.xml") <= 1);
        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
    }

    [Fact]
    public async Task ANeverPolledSourceIsPolledAtStartUpNotAtItsNextTick()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapText("/a.xml", SchedulingFeeds.Rss("a"), "application/rss+xml");
        using var temp = new TempDirectory();
        var configFile = temp.WriteFile("feeds.json", SchedulingFeeds.Config(server, ("a", OnceAYear)));
        var host = Build(temp, configFile, new SchedulingPublishRecorder());

        await host.StartAsync();
        await SchedulingWait.UntilAsync(() => server.RequestCount("/a.xml") >= 1, "the new source was polled at start-up");

        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
    }

    [Fact]
    public async Task SighupReloadsAFileChangedWhileNobodyWatched()
    {
        if (OperatingSystem.IsWindows())
            return;
        await using var server = await FixtureServer.StartAsync();
        server.MapText("/a.xml", SchedulingFeeds.Rss("a"), "application/rss+xml");
        server.MapText("/e.xml", SchedulingFeeds.Rss("e"), "application/rss+xml");
        using var temp = new TempDirectory();
        var configFile = temp.WriteFile("feeds.json", SchedulingFeeds.Config(server, ("a", OnceAYear)));
        // Built from the first file; the second is written before the watcher exists, so only SIGHUP can bring it in.
        var host = Build(temp, configFile, new SchedulingPublishRecorder());
        await File.WriteAllTextAsync(configFile, SchedulingFeeds.Config(server, ("a", OnceAYear), ("e", OnceAYear)));
        await host.StartAsync();
        var configuration = host.Services.GetRequiredService<CurrentConfiguration>();
        Assert.Null(configuration.Find("e"));

        using (var kill = System.Diagnostics.Process.Start("kill", ["-HUP", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        // Two waits, so a failure says which half did not happen (it timed out once at 20 s in a loaded CI run).
        await SchedulingWait.UntilAsync(() => configuration.Find("e") is not null, "SIGHUP reloaded feeds.json and brought in source e", TimeSpan.FromSeconds(40));
        await SchedulingWait.UntilAsync(() => server.RequestCount("/e.xml") >= 1, "the source e that SIGHUP brought in was polled", TimeSpan.FromSeconds(40));
        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
    }

    [Fact]
    public async Task ManySourcesFiringTogetherNeverExceedTheFetchLimit()
    {
        await using var server = await FixtureServer.StartAsync();
        var ids = Enumerable.Range(0, 40).Select(i => $"s{i}").ToArray();
        foreach (var id in ids)
        {
            var body = System.Text.Encoding.UTF8.GetBytes(SchedulingFeeds.Rss(id));
            server.Map($"/{id}.xml", async context =>
            {
                await Task.Delay(100, context.RequestAborted);
                context.Response.ContentType = "application/rss+xml";
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            });
        }
        using var temp = new TempDirectory();
        var config = SchedulingFeeds.Config(server, [.. ids.Select(id => (id, EveryTwoSeconds))])
            .Replace("\"maxConcurrentPerHost\": 4", "\"maxConcurrent\": 3, \"maxConcurrentPerHost\": 3");
        var configFile = temp.WriteFile("feeds.json", config);
        var host = Build(temp, configFile, new SchedulingPublishRecorder());
        await host.StartAsync();

        await SchedulingWait.UntilAsync(() => server.Requests.Count >= 2 * ids.Length, "every source was polled about twice", TimeSpan.FromSeconds(40));
        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();

        Assert.InRange(server.MaxConcurrentRequests, 2, 3);
    }

    [Fact]
    public async Task StoppingCancelsAPollStillRunningAfterTheGraceAndCompletes()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/slow.xml", context => Task.Delay(TimeSpan.FromMinutes(2), context.RequestAborted));
        using var temp = new TempDirectory();
        var config = SchedulingFeeds.Config(server, ("slow", EveryTwoSeconds)).Replace("\"schedule\"", "\"timeout\": \"00:04:00\", \"schedule\"");
        var configFile = temp.WriteFile("feeds.json", config);
        var host = Build(temp, configFile, new SchedulingPublishRecorder(), grace: TimeSpan.FromSeconds(1));
        await host.StartAsync();
        await SchedulingWait.UntilAsync(() => server.RequestCount("/slow.xml") >= 1, "the slow source was requested");

        // Without the grace the stop would wait for the poll's own 4-minute timeout.
        var stopping = host.StopAsync();
        var finished = await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(stopping, finished);
        await stopping;
        var health = await host.Services.GetRequiredService<IArticleStore>().GetHealthAsync("slow", CancellationToken.None);
        Assert.Equal(0, health.ArticleCount);
        await ((IAsyncDisposable)host).DisposeAsync();
    }

    private static IHost Build(TempDirectory temp, string configFile, SchedulingPublishRecorder recorder, TimeSpan? grace = null)
    {
        var loaded = FeedsConfigLoader.Load(configFile);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var settings = loaded.Settings!;
        var paths = new AggregatorPaths(configFile, temp.Combine("data"), temp.Combine("public"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = temp.Path });
        builder.Logging.ClearProviders();
        builder.Services
            .AddAggregatorPipeline(settings, paths)
            .AddAggregatorScheduling(paths, settings, options =>
            {
                options.PublishQuietPeriod = TimeSpan.FromMilliseconds(300);
                options.PublishMaxDelay = TimeSpan.FromSeconds(3);
                options.ReloadQuietPeriod = TimeSpan.FromMilliseconds(200);
                options.ShutdownGrace = grace ?? TimeSpan.FromSeconds(5);
            })
            .AddSingleton<IPublishListener>(recorder);
        return builder.Build();
    }
}
