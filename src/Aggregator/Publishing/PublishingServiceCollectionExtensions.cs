using Aggregator.Publishing.Atom;
using Aggregator.Publishing.Opml;
using Aggregator.Publishing.Posts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Publishing;

internal static class PublishingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the publish stage (<see cref="IFeedPublisher"/> as <see cref="SitePublisher"/>) and the
    /// exporters. Set the output folder with <c>services.Configure&lt;PublishingOptions&gt;(o =&gt; o.OutputDirectory = …)</c>.
    /// </summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddOptions<PublishingOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AtomicFileWriter>(sp => new AtomicFileWriter(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SiteFileWriter>();
        services.TryAddSingleton<EntryFragmentCache>();
        services.TryAddSingleton<SiteBuilder>(sp => new SiteBuilder(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublishingOptions>>(), sp.GetRequiredService<EntryFragmentCache>()));
        services.TryAddSingleton<SitePublisher>();
        services.TryAddSingleton<IFeedPublisher>(sp => sp.GetRequiredService<SitePublisher>());
        services.TryAddSingleton<PostExporter>();
        services.TryAddSingleton<OpmlExporter>();
        return services;
    }
}
