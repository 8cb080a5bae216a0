using Aggregator.Normalizing.Html;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Normalizing;

public static class NormalizingServiceCollectionExtensions
{
    /// <summary>Registers the normalize stage: one sanitizer and one normalizer for the whole process (both thread-safe).</summary>
    public static IServiceCollection AddNormalizing(this IServiceCollection services)
    {
        services.AddSingleton<BodySanitizer>();
        services.AddSingleton<IArticleNormalizer>(sp => new ArticleNormalizer(sp.GetRequiredService<BodySanitizer>()));
        return services;
    }
}
