using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aggregator.Tests.Support;

/// <summary>
/// An in-process Kestrel on 127.0.0.1 with a free port, for tests that need a real HTTP server.
/// Paths are mapped to handlers (exact path match, any method), before or after start; unmapped
/// paths answer 404. It counts requests per path and the peak number of requests in flight.
/// <code>
/// await using var server = await FixtureServer.StartAsync();
/// server.MapBytes("/feed.xml", bytes, "application/rss+xml");
/// var url = server.Url("/feed.xml");
/// </code>
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, RequestDelegate> handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FixtureServerRequest> requests = new();
    private int inFlight;
    private int maxInFlight;

    private FixtureServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Like http://127.0.0.1:12345/ (always with the trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The most requests that were being handled at the same moment.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref maxInFlight);

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<FixtureServerRequest> Requests => [.. requests];

    public static async Task<FixtureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FixtureServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        server = new FixtureServer(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Absolute URL of a path (with or without a leading slash, may carry a query).</summary>
    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <summary>Serves <paramref name="path"/> (no query; e.g. "/a.xml") with <paramref name="handler"/>; a later Map replaces it.</summary>
    public void Map(string path, RequestDelegate handler) => handlers[Normalize(path)] = handler;

    /// <summary>Serves fixed bytes with a status, an optional Content-Type and extra response headers.</summary>
    public void MapBytes(string path, byte[] body, string? contentType = null, int status = StatusCodes.Status200OK, IReadOnlyDictionary<string, string>? headers = null) =>
        Map(path, async context =>
        {
            context.Response.StatusCode = status;
            if (contentType is not null)
                context.Response.ContentType = contentType;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                context.Response.Headers[name] = value;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });

    /// <summary>Serves UTF-8 text.</summary>
    public void MapText(string path, string text, string contentType = "text/plain; charset=utf-8", int status = StatusCodes.Status200OK) =>
        MapBytes(path, System.Text.Encoding.UTF8.GetBytes(text), contentType, status);

    /// <summary>Serves a file's bytes as they are on disk (e.g. a fixture under TestData/).</summary>
    public void MapFile(string path, string filePath, string? contentType = null) =>
        Map(path, async context =>
        {
            var body = await File.ReadAllBytesAsync(filePath, context.RequestAborted);
            if (contentType is not null)
                context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });

    /// <summary>Answers with just a status code (and an optional Retry-After or other headers).</summary>
    public void MapStatus(string path, int status, IReadOnlyDictionary<string, string>? headers = null) =>
        MapBytes(path, [], null, status, headers);

    /// <summary>Redirects to <paramref name="location"/> (absolute or relative, sent as written).</summary>
    public void MapRedirect(string path, string location, int status = StatusCodes.Status302Found) =>
        MapStatus(path, status, new Dictionary<string, string> { ["Location"] = location });

    /// <summary>How many requests arrived for a path (query ignored).</summary>
    public int RequestCount(string path) => counts.TryGetValue(Normalize(path), out var count) ? count : 0;

    /// <summary>The last request received for a path, or null.</summary>
    public FixtureServerRequest? LastRequest(string path) => requests.LastOrDefault(request => request.Path == Normalize(path));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        counts.AddOrUpdate(path, 1, (_, count) => count + 1);
        requests.Enqueue(new FixtureServerRequest(
            context.Request.Method,
            path,
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

        var now = Interlocked.Increment(ref inFlight);
        for (var peak = Volatile.Read(ref maxInFlight); now > peak; peak = Volatile.Read(ref maxInFlight))
        {
            if (Interlocked.CompareExchange(ref maxInFlight, now, peak) == peak)
                break;
        }

        try
        {
            if (handlers.TryGetValue(path, out var handler))
                await handler(context);
            else
                context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private static string Normalize(string path) => "/" + path.Split('?', 2)[0].TrimStart('/');
}
