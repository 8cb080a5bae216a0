using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Http;

internal static class AggregatorEndpoints
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Serves every published path (<c>/</c> = index.html) from a middleware ahead of routing (the
    /// feed path does no routing work), then maps <c>/health</c>, <c>/metrics</c> and a catch-all that
    /// answers 404/405 for the rest. Paths are only ever looked up in memory, so traversal
    /// (<c>/feeds/../x</c>, <c>%2e%2e</c>) finds nothing but 404.
    /// </summary>
    public static WebApplication MapAggregatorEndpoints(this WebApplication app)
    {
        var files = app.Services.GetRequiredService<PublishedFileEndpoint>();
        var health = app.Services.GetRequiredService<HealthEndpoint>();
        var metrics = app.Services.GetRequiredService<MetricsEndpoint>();
        app.Use(files.Middleware);
        app.UseRouting();
        app.MapMethods("/health", ReadMethods, (RequestDelegate)health.HandleAsync);
        app.MapMethods("/metrics", ReadMethods, (RequestDelegate)metrics.HandleAsync);
        app.Map("/{**path}", (RequestDelegate)files.HandleAsync);
        return app;
    }
}
