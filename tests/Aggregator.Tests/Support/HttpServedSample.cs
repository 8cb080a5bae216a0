using System.Net;
using System.Net.Sockets;
using System.Text;
using Aggregator.Cli;
using Aggregator.Configuration;
using Aggregator.Hosting;
using Aggregator.Http;
using Aggregator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Support;

/// <summary>
/// The real `serve` host on 127.0.0.1 port 0 over a store and site built by `run-once` from a copy
/// of samples/ (or of a feeds.json the test gives).
/// </summary>
internal sealed class HttpServedSample(Action<HttpOptions>? http = null) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory folder = new();
    private WebApplication? app;

    public string ConfigPath => folder.Combine("feeds.json");

    public string OutputDirectory => folder.Combine("public");

    public string DataDirectory => folder.Combine("data");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public AggregatorSettings Settings { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    /// <summary>The repository's samples/ folder, found from the test assembly's folder upwards.</summary>
    public static string SamplesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, "feeds.json")))
                return candidate;
        }

        throw new DirectoryNotFoundException("samples/feeds.json not found above the test assembly.");
    }

    public Task InitializeAsync() => StartAsync(feedsJson: null);

    /// <summary>Copies the samples (replacing feeds.json when given), runs run-once, then starts serve.</summary>
    public async Task StartAsync(string? feedsJson)
    {
        var samples = SamplesDirectory();
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories))
        {
            var target = folder.Combine(Path.GetRelativePath(samples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        if (feedsJson is not null)
            File.WriteAllText(ConfigPath, feedsJson);

        var run = await CliRunner.RunAsync("run-once", "--config", ConfigPath, "--data", DataDirectory, "--out", OutputDirectory);
        if (run.ExitCode == ExitCodes.InvalidConfigurationOrUsage)
            throw new InvalidOperationException("run-once refused the test configuration: " + run.Error);

        Settings = FeedsConfigLoader.Load(ConfigPath).Settings!;
        var builder = AggregatorWebHost.CreateBuilder(
            Settings, new AggregatorPaths(ConfigPath, DataDirectory, OutputDirectory), new LoggingOptions("text", "warning"), "http://127.0.0.1:0", http);
        app = await AggregatorWebHost.BuildAsync(builder, Settings, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address + "/");
        Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = BaseAddress };
    }

    /// <summary>Sends a request line exactly as written (HttpClient would remove dot segments first) and returns the status code.</summary>
    public async Task<int> RawStatusAsync(string method, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {BaseAddress.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? string.Empty;
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        folder.Dispose();
    }

    public void Dispose() => folder.Dispose();
}
