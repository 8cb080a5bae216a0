using Aggregator.Fetching;
using Aggregator.Http;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Pipeline;
using Aggregator.Publishing;
using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Hosting;

/// <summary>The one registration of the pipeline stages, shared by `run-once` and `serve`.</summary>
internal static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers store, fetch, parse, normalize, publish, the poller and the run, configured from
    /// <paramref name="settings"/> and <paramref name="paths"/>. Logging is the host's business. The
    /// store opens asynchronously: await <c>Task&lt;IArticleStore&gt;</c> once at start-up.
    /// </summary>
    public static IServiceCollection AddAggregatorPipeline(this IServiceCollection services, AggregatorSettings settings, AggregatorPaths paths)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AggregatorMetrics>();
        services.TryAddSingleton(paths);
        return services
            .AddSelectedStorage(settings.Store, paths.DataDirectory, new StorageOptions { PauseAfterFailures = settings.PauseAfterFailures })
            .AddFetching(options =>
            {
                options.MaxConcurrentFetches = settings.MaxConcurrentFetches;
                options.MaxConcurrentFetchesPerHost = settings.MaxConcurrentFetchesPerHost;
            })
            .AddParsing()
            .AddNormalizing()
            .AddPublishing()
            .Configure<PublishingOptions>(options => options.OutputDirectory = paths.OutputDirectory)
            .AddSingleton<SourcePoller>()
            .AddSingleton<AggregationRun>();
    }
}
