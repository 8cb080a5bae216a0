using Aggregator.Cli;
using Aggregator.Hosting;
using Aggregator.Model;

namespace Aggregator.Tests.Support;

/// <summary>The real pipeline (fetch, parse, normalize, store) over one local feed file, as the re-poll tests drive it.</summary>
internal static class PipelineTestServices
{
    /// <summary>A source polling the file at <paramref name="path"/>.</summary>
    public static SourceDefinition FileSource(string path) => new()
    {
        Id = "markets",
        Title = "Markets Daily",
        Url = new Uri(path),
        Categories = ["Business"],
        Schedule = "0 */10 * * * ?",
    };

    /// <summary>The pipeline's services for <paramref name="source"/> alone, their store and site under <paramref name="temp"/>, the source already known to the store.</summary>
    public static async Task<PipelineServices> BuildAsync(TempDirectory temp, SourceDefinition source)
    {
        var settings = new AggregatorSettings
        {
            Site = new SiteDefinition { Title = "Test", BaseUrl = new Uri("https://news.example.net/") },
            Sources = [source],
            Categories = [],
        };
        var paths = new AggregatorPaths(temp.Combine("feeds.json"), temp.Combine("data"), temp.Combine("public"));
        var services = await PipelineServices.BuildAsync(settings, paths, new LoggingOptions("text", "error"), CancellationToken.None);
        await services.Store.SyncSourcesAsync([source], CancellationToken.None);
        return services;
    }
}
