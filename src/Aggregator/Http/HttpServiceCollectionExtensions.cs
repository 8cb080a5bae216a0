using Aggregator.Http.Direct;
using Aggregator.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Http;

internal static class HttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers what `serve` needs on top of the pipeline: <see cref="ServedSite"/>,
    /// <see cref="ConfigurationStatus"/>, <see cref="AggregatorMetrics"/>, the endpoints, and
    /// <see cref="ServingFeedPublisher"/> as the <see cref="IFeedPublisher"/>, so every publish
    /// refreshes the served bytes. Order-independent with <c>AddPublishing</c> (which only TryAdds).
    /// </summary>
    public static IServiceCollection AddAggregatorHttp(this IServiceCollection services, Action<HttpOptions>? configure = null)
    {
        var options = services.AddOptions<HttpOptions>();
        if (configure is not null)
            options.Configure(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AggregatorMetrics>();
        services.TryAddSingleton<ConfigurationStatus>();
        services.AddOptions<PublishingOptions>();
        services.TryAddSingleton<ServedSite>();
        services.TryAddSingleton<ArchivePageReader>();
        services.AddHostedService<IdleMemoryRelease>();
        services.TryAddSingleton<PublishedFileEndpoint>();
        services.TryAddSingleton<DirectFileServer>();
        services.TryAddSingleton<HealthEndpoint>();
        services.TryAddSingleton<MetricsEndpoint>();
        services.RemoveAll<IFeedPublisher>();
        services.AddSingleton<IFeedPublisher, ServingFeedPublisher>();
        return services;
    }
}
