using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Normalizing.Identity;

/// <summary>Registers the cross-source story matcher; the title key and fingerprint are static and need no registration.</summary>
internal static class StoryMatchingServiceCollectionExtensions
{
    /// <summary>Adds one <see cref="StoryMatcher"/> over <paramref name="options"/> (the documented defaults when null); a registration made earlier wins.</summary>
    public static IServiceCollection AddStoryMatching(this IServiceCollection services, StoryMatchOptions? options = null)
    {
        services.TryAddSingleton(options ?? new StoryMatchOptions());
        services.TryAddSingleton<StoryMatcher>();
        return services;
    }
}
