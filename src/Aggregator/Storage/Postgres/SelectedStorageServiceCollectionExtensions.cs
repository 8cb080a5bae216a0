using Aggregator.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Storage.Postgres;

/// <summary>Registers the store feeds.json and the environment select (SQLite unless told otherwise).</summary>
internal static class SelectedStorageServiceCollectionExtensions
{
    /// <summary>
    /// Like <see cref="StorageServiceCollectionExtensions.AddStorage"/>, for the store <paramref name="selection"/>
    /// resolves to (see <see cref="StoreResolver"/>); the <see cref="ResolvedStore"/> is resolvable too.
    /// A PostgreSQL store selected without its connection string fails here, at start-up.
    /// </summary>
    public static IServiceCollection AddSelectedStorage(this IServiceCollection services, StoreSelection selection, string dataDirectory, StorageOptions? options = null)
    {
        var resolved = StoreResolver.Resolve(selection);
        services.AddSingleton(resolved);
        if (!resolved.IsShared)
            return services.AddStorage(dataDirectory, options);

        services.AddSingleton(options ?? new StorageOptions());
        services.AddSingleton<Task<IArticleStore>>(provider => OpenAsync(
            resolved.ConnectionString!, provider.GetService<TimeProvider>() ?? TimeProvider.System, provider.GetRequiredService<StorageOptions>()));
        services.AddSingleton(provider => provider.GetRequiredService<Task<IArticleStore>>().GetAwaiter().GetResult());
        return services;
    }

    private static async Task<IArticleStore> OpenAsync(string connectionString, TimeProvider time, StorageOptions options) =>
        await PostgresArticleStore.OpenAsync(connectionString, time, options, CancellationToken.None);
}
