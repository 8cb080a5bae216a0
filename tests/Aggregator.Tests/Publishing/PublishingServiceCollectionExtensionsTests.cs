using Aggregator.Publishing;
using Aggregator.Publishing.Opml;
using Aggregator.Publishing.Posts;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Aggregator.Tests.Support.PublishingSamples;

namespace Aggregator.Tests.Publishing;

public sealed class PublishingServiceCollectionExtensionsTests : IDisposable
{
    private readonly PublishingTempFolder _folder = new();

    [Fact]
    public async Task RegisteredPublisherWritesToTheConfiguredOutputFolder()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddPublishing()
            .Configure<PublishingOptions>(o => o.OutputDirectory = _folder.Path)
            .BuildServiceProvider();

        var publisher = provider.GetRequiredService<IFeedPublisher>();
        var report = await publisher.PublishAsync(Settings(), new InMemoryArticleStore([Article("a", Noon)]), CancellationToken.None);

        Assert.Same(provider.GetRequiredService<SitePublisher>(), publisher);
        Assert.NotNull(provider.GetRequiredService<PostExporter>());
        Assert.NotNull(provider.GetRequiredService<OpmlExporter>());
        Assert.Contains("feeds/all.atom", report.Written);
        Assert.True(File.Exists(_folder.File("feeds/all.atom")));
    }

    public void Dispose() => _folder.Dispose();
}
