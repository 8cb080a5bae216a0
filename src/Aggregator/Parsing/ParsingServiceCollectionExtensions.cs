using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Parsing;

/// <summary>Registers the parse stage.</summary>
internal static class ParsingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IFeedParser"/> as a singleton <see cref="FeedParser"/> (it holds no state).</summary>
    public static IServiceCollection AddParsing(this IServiceCollection services)
    {
        services.AddSingleton<IFeedParser, FeedParser>();
        return services;
    }
}
