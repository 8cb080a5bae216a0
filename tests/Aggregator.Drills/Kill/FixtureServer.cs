using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aggregator.Drills.Kill;

/// <summary>
/// Kestrel on 127.0.0.1, port chosen by the system, serving the files of one folder at
/// /feeds/N (the N-th file in name order: generations name their files after the format they drew).
/// The folder can be switched between rounds, so sources publish new entries.
/// </summary>
internal sealed class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private volatile string folder;

    private FixtureServer(WebApplication app, string folder)
    {
        this.app = app;
        this.folder = folder;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The folder whose files are served from now on.</summary>
    public string Folder
    {
        get => folder;
        set => folder = value;
    }

    public static async Task<FixtureServer> StartAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FixtureServer(app, folder);
        app.MapGet("/feeds/{index:int}", (int index) =>
        {
            var files = Directory.GetFiles(server.Folder).Order(StringComparer.Ordinal).ToList();
            return index >= 0 && index < files.Count
                ? Results.Bytes(File.ReadAllBytes(files[index]), files[index].EndsWith(".atom", StringComparison.Ordinal) ? "application/atom+xml" : "application/rss+xml")
                : Results.NotFound();
        });
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer kestrel
            ? kestrel.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            : null;
        server.BaseAddress = new Uri((address ?? throw new InvalidOperationException("kill: the fixture server has no address.")) + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
