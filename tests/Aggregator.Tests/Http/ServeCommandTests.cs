using System.Net;
using System.Net.Sockets;
using Aggregator.Cli;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Http;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task AnInvalidConfigurationExitsWithTwoAndNamesTheProblem()
    {
        using var folder = new TempDirectory();
        var config = folder.WriteFile("feeds.json", """{ "site": { "title": "x" }, "sources": [ { "id": "a" } ] }""");

        var result = await CliRunner.RunAsync("serve", "--config", config, "--data", folder.Combine("data"), "--out", folder.Combine("public"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.InvalidConfigurationOrUsage, result.ExitCode);
        Assert.Contains("feeds.json:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeAnswersFromTheStoreAndCancellingStopsItGracefullyWithExitZero()
    {
        using var folder = new TempDirectory();
        var samples = HttpServedSample.SamplesDirectory();
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories))
        {
            var target = folder.Combine(Path.GetRelativePath(samples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string[] paths = ["--config", folder.Combine("feeds.json"), "--data", folder.Combine("data"), "--out", folder.Combine("public")];
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(["run-once", .. paths])).ExitCode);
        // serve publishes at start-up: the static files are rewritten only if their bytes change.
        File.Delete(folder.Combine("public", "sources.opml"));

        var port = FreePort();
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var serve = CliApp.InvokeAsync(["serve", .. paths, "--urls", $"http://127.0.0.1:{port}", "--log-level", "warning"], output, error, stop.Token);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var feed = await WaitForAsync(client, "feeds/finance.atom", serve);
        Assert.Equal(await File.ReadAllBytesAsync(folder.Combine("public", "feeds", "finance.atom")), feed);
        Assert.True(File.Exists(folder.Combine("public", "sources.opml")));

        stop.Cancel();
        var exitCode = await serve.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.Ok, exitCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("feeds/finance.atom"));
    }

    [Fact]
    public async Task CancellingBeforeTheHostStartedStillExitsZero()
    {
        using var folder = new TempDirectory();
        File.Copy(Path.Combine(HttpServedSample.SamplesDirectory(), "feeds.json"), folder.Combine("feeds.json"));
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var exitCode = await CliApp.InvokeAsync(
            ["serve", "--config", folder.Combine("feeds.json"), "--data", folder.Combine("data"), "--out", folder.Combine("public"), "--urls", "http://127.0.0.1:0", "--log-level", "warning"],
            TextWriter.Null, TextWriter.Null, stop.Token);

        Assert.Equal(ExitCodes.Ok, exitCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<byte[]> WaitForAsync(HttpClient client, string path, Task<int> serve)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (serve.IsCompleted)
                throw new InvalidOperationException($"serve exited early with {await serve}.");
            try
            {
                return await client.GetByteArrayAsync(path);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("serve did not answer within 30 seconds.");
    }
}
