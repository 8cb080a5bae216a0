using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Storage;

/// <summary>Registers the store.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IArticleStore"/> as a singleton SQLite store in <paramref name="dataDirectory"/>.
    /// Opening migrates the schema, so the host should resolve it once at start-up
    /// (<c>await provider.GetRequiredService&lt;Task&lt;IArticleStore&gt;&gt;()</c>) to fail fast on a bad database.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, string dataDirectory, StorageOptions? options = null)
    {
        services.AddSingleton(options ?? new StorageOptions());
        services.AddSingleton<Task<IArticleStore>>(provider => OpenAsync(
            dataDirectory, provider.GetService<TimeProvider>() ?? TimeProvider.System, provider.GetRequiredService<StorageOptions>()));
        // Synchronous access for consumers constructed after start-up awaited the task above.
        services.AddSingleton(provider => provider.GetRequiredService<Task<IArticleStore>>().GetAwaiter().GetResult());
        return services;
    }

    private static async Task<IArticleStore> OpenAsync(string dataDirectory, TimeProvider time, StorageOptions options) =>
        await SqliteArticleStore.OpenAsync(dataDirectory, time, options, CancellationToken.None);
}
