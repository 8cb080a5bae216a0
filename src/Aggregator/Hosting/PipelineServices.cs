using Aggregator.Cli;
using Aggregator.Fetching;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Pipeline;
using Aggregator.Publishing;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Aggregator.Hosting;

/// <summary>
/// Composition of the pipeline for the one-shot commands: registration lives in each stage's Add*
/// extension; this only wires them together with the paths and the logger of the command.
/// </summary>
internal sealed class PipelineServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private PipelineServices(ServiceProvider provider) => this.provider = provider;

    public AggregationRun Run => provider.GetRequiredService<AggregationRun>();

    public IArticleStore Store => provider.GetRequiredService<IArticleStore>();

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public static async Task<PipelineServices> BuildAsync(
        AggregatorSettings settings, AggregatorPaths paths, LoggingOptions logging, CancellationToken cancellationToken)
    {
        var logger = SerilogFactory.Create(logging);
        var store = await SqliteArticleStore.OpenAsync(paths.DataDirectory, TimeProvider.System, options: null, cancellationToken);
        var services = new ServiceCollection()
            .AddLogging(builder => builder.AddSerilog(logger, dispose: true))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IArticleStore>(store)
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
        return new PipelineServices(services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
