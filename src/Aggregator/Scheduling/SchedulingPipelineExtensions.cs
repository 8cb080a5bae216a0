using Aggregator.Fetching;
using Aggregator.Hosting;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Pipeline;
using Aggregator.Publishing;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Scheduling;

/// <summary>The pipeline as a long-lived host needs it (the DI twin of <see cref="PipelineServices"/>).</summary>
internal static class SchedulingPipelineExtensions
{
    /// <summary>
    /// Registers fetch, parse, normalize, the SQLite store in <see cref="AggregatorPaths.DataDirectory"/>,
    /// publishing to <see cref="AggregatorPaths.OutputDirectory"/>, <see cref="SourcePoller"/> and
    /// <see cref="AggregationRun"/>. Logging is the host's. The fetch limits are taken from
    /// <paramref name="settings"/> once: changing them needs a restart.
    /// </summary>
    public static IServiceCollection AddAggregatorPipeline(this IServiceCollection services, AggregatorPaths paths, AggregatorSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(paths);
        return services
            .AddStorage(paths.DataDirectory)
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
