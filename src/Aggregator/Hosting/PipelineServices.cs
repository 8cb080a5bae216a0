using Aggregator.Cli;
using Aggregator.Model;
using Aggregator.Pipeline;
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
        var services = new ServiceCollection()
            .AddLogging(builder => builder.AddSerilog(logger, dispose: true))
            .AddAggregatorPipeline(settings, paths);
        var provider = services.BuildServiceProvider();
        try
        {
            // Opening migrates the schema: fail here, before any poll, on a bad database.
            await provider.GetRequiredService<Task<IArticleStore>>().WaitAsync(cancellationToken);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return new PipelineServices(provider);
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
