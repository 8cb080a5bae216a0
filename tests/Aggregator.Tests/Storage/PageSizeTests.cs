using Aggregator.Storage;
using Aggregator.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

public sealed class PageSizeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<long> PageSizeAsync(string directory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteArticleStore.FileName)};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("PRAGMA page_size;");
    }

    [Fact]
    public async Task ANewStoreIsCreatedWithTheConfiguredPageSize()
    {
        await using (var test = await StorageTestStore.CreateAsync())
            Assert.Equal(new StorageOptions().PageSize, await PageSizeAsync(test.Directory));
        await using (var test = await StorageTestStore.CreateAsync(new StorageOptions { PageSize = 8192 }))
            Assert.Equal(8192, await PageSizeAsync(test.Directory));
    }

    [Fact]
    public async Task AnExistingStoreKeepsItsPageSizeAndItsArticles()
    {
        var directory = StorageTestStore.NewDirectory();
        await using (var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, new StorageOptions { PageSize = 4096 }, None))
            await store.IngestAsync(StorageTestStore.Source("stcn"), [new ArticleBuilder().From("stcn").Key("a").Build()], StorageTestStore.Start, None);

        await using (var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, None))
        {
            var result = await store.IngestAsync(StorageTestStore.Source("stcn"), [new ArticleBuilder().From("stcn").Key("b").Link("https://www.stcn.com/article/detail/2.html").Build()], StorageTestStore.Start, None);
            Assert.Equal(1, result.Added);
            Assert.Equal(2, (await store.GetLatestAsync(null, 10, 0, None)).Count);
        }

        Assert.Equal(4096, await PageSizeAsync(directory));
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
