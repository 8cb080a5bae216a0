using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
        var app = LoopbackServer.Create();
        var server = new FixtureServer(app, folder);
        app.MapGet("/feeds/{index:int}", (int index) =>
        {
            var files = Directory.GetFiles(server.Folder).Order(StringComparer.Ordinal).ToList();
            return index >= 0 && index < files.Count
                ? Results.Bytes(File.ReadAllBytes(files[index]), files[index].EndsWith(".atom", StringComparison.Ordinal) ? "application/atom+xml" : "application/rss+xml")
                : Results.NotFound();
        });
        server.BaseAddress = await LoopbackServer.StartAsync(app, "kill");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
