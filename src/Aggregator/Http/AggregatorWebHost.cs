using Aggregator.Cli;
using Aggregator.Hosting;
using Aggregator.Http.Direct;
using Aggregator.Model;
using Aggregator.Publishing;
using Aggregator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Aggregator.Http;

/// <summary>
/// Builds the `serve` host in two steps so a caller can add services between them (the scheduler:
/// <c>builder.Services.AddAggregatorScheduling(…)</c>) and tests can start it on port 0.
/// </summary>
internal static class AggregatorWebHost
{
    /// <summary>How long running work gets to finish after SIGTERM/SIGINT before it is cancelled.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Bytes Kestrel buffers per response before a write waits for the socket.</summary>
    public const long ResponseBufferBytes = 2 * 1024 * 1024;

    /// <summary>A slim Kestrel host on <paramref name="urls"/> with Serilog, the pipeline and the HTTP services registered.</summary>
    public static WebApplicationBuilder CreateBuilder(
        AggregatorSettings settings, AggregatorPaths paths, LoggingOptions logging, string urls, Action<HttpOptions>? http = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A feed page is a few hundred KB: with the default 64 KB the handler is parked many times
            // per response waiting for the socket; a larger buffer lets it hand the bytes over at once.
            kestrel.Limits.MaxResponseBufferSize = ResponseBufferBytes;
            // Plain GET/HEAD of a published file: answered before Kestrel's HTTP layer, the prepared
            // bytes sent to the socket without the copy into the output pipe (HttpOptions.DirectSend).
            kestrel.ConfigureEndpointDefaults(listen =>
                listen.Use(next => listen.ApplicationServices.GetRequiredService<DirectFileServer>().Wrap(next)));
        });
        // Kestrel's connection memory in 256 KB blocks: a feed response is copied and sent in ~3 blocks, not ~130.
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(SerilogFactory.Create(logging), dispose: true);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Services
            .AddAggregatorPipeline(settings, paths)
            .AddAggregatorHttp(http);
        return builder;
    }

    /// <summary>
    /// Builds the app, maps the endpoints, opens the store (migrating it), registers the configured
    /// sources and publishes once from the store, so every path has its bytes before the first
    /// request and before any poll.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, AggregatorSettings settings, CancellationToken cancellationToken)
    {
        var app = builder.Build();
        try
        {
            app.MapAggregatorEndpoints();
            var store = await app.Services.GetRequiredService<Task<IArticleStore>>().WaitAsync(cancellationToken);
            await store.SyncSourcesAsync(settings.Sources, cancellationToken);
            app.Services.GetRequiredService<ConfigurationStatus>().SetSettings(settings);
            await app.Services.GetRequiredService<IFeedPublisher>().PublishAsync(settings, store, cancellationToken);
            // The start-up publish built every page from scratch; its garbage must not be what an idle
            // daemon keeps resident (later publishes release theirs through the scheduler's listener).
            Scheduling.MemoryReleaseAfterPublish.Release();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
