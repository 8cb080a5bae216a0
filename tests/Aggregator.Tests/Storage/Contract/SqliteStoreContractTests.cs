using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>The store contract on the embedded SQLite store, in a fresh temporary folder.</summary>
public sealed class SqliteStoreContractTests : ArticleStoreContract
{
    private readonly string directory = StorageTestStore.NewDirectory();

    internal override async Task<IArticleStore> OpenAsync(TimeProvider time, StorageOptions? options) =>
        await SqliteArticleStore.OpenAsync(directory, time, options, None);

    protected override Task CleanUpAsync()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }
}
