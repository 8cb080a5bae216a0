using Aggregator.Cli;
using Aggregator.Fetching;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Aggregator.Hosting;

/// <summary>The fetch, parse and normalize stages without a store: what `parse` needs.</summary>
internal sealed class StageServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private StageServices(ServiceProvider provider) => this.provider = provider;

    public IFeedFetcher Fetcher => provider.GetRequiredService<IFeedFetcher>();

    public IFeedParser Parser => provider.GetRequiredService<IFeedParser>();

    public IArticleNormalizer Normalizer => provider.GetRequiredService<IArticleNormalizer>();

    public static Task<StageServices> BuildAsync(LoggingOptions logging)
    {
        var logger = SerilogFactory.Create(logging);
        var services = new ServiceCollection()
            .AddLogging(builder => builder.AddSerilog(logger, dispose: true))
            .AddSingleton(TimeProvider.System)
            .AddFetching()
            .AddParsing()
            .AddNormalizing();
        return Task.FromResult(new StageServices(services.BuildServiceProvider()));
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
