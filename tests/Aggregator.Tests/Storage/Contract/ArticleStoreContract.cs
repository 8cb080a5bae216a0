using Aggregator.Model;
using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IArticleStore"/> must do, whatever the database: one suite, run by a
/// subclass per store (SQLite, PostgreSQL). Each test gets a fresh, empty store.
/// </summary>
public abstract partial class ArticleStoreContract : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;

    // One story as several sources carry it: reprints differ by a source prefix, not by substance.
    protected const string CatlStory = "宁德时代晚间发布2026年三季度业绩预告，预计前三季度归母净利润同比增长35%至42%，主要受益于储能电池出货量大幅增长及海外市场拓展。";

    private IArticleStore? store;

    internal ManualTimeProvider Time { get; } = new(StorageTestStore.Start);

    internal IArticleStore Store => store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>Options of the next <see cref="ReopenAsync"/> (tests that need other thresholds set them first).</summary>
    internal StorageOptions? Options { get; set; }

    /// <summary>Opens the test's store (the same database on every call, created empty on the first).</summary>
    internal abstract Task<IArticleStore> OpenAsync(TimeProvider time, StorageOptions? options);

    /// <summary>Deletes what <see cref="OpenAsync"/> created, after the store is closed.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => store = await OpenAsync(Time, Options);

    public async Task DisposeAsync()
    {
        if (store is not null)
            await store.DisposeAsync();
        await CleanUpAsync();
    }

    /// <summary>Closes and reopens the store on the same database (what a restart does).</summary>
    internal async Task ReopenAsync(StorageOptions? options = null)
    {
        await Store.DisposeAsync();
        Options = options ?? Options;
        store = null;
        store = await OpenAsync(Time, Options);
    }

    internal static SourceDefinition Source(string id, int priority = 100) => StorageTestStore.Source(id, priority);

    internal Task<IngestResult> IngestAsync(SourceDefinition source, params Article[] articles) =>
        Store.IngestAsync(source, articles, Time.GetUtcNow(), None);

    internal async Task<long> RowsWrittenAsync() => (await Store.GetStatisticsAsync(None)).RowsWritten;

    internal Task<IReadOnlyList<PublishedArticle>> LatestAsync(string? category = null) => Store.GetLatestAsync(category, 10, 0, None);
}
