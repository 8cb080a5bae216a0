using Aggregator.Normalizing.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Normalizing.Identity;

public sealed class StoryMatchingServiceCollectionExtensionsTests
{
    [Fact]
    public void TheRegisteredMatcherUsesTheGivenOptions()
    {
        var options = new StoryMatchOptions { Window = TimeSpan.FromHours(6) };
        using var provider = new ServiceCollection().AddStoryMatching(options).BuildServiceProvider();
        Assert.Same(options, provider.GetRequiredService<StoryMatcher>().Options);
    }

    [Fact]
    public void WithoutOptionsTheMatcherUsesTheDefaults()
    {
        using var provider = new ServiceCollection().AddStoryMatching().BuildServiceProvider();
        Assert.Equal(new StoryMatchOptions(), provider.GetRequiredService<StoryMatcher>().Options);
    }
}
