using Aggregator.Model;
using Aggregator.Storage;

namespace Aggregator.Tests.Support;

/// <summary>A real SQLite store in a fresh temporary folder, deleted when the test ends.</summary>
internal sealed class StorageTestStore : IAsyncDisposable
{
    private StorageTestStore(string directory, ManualTimeProvider time, SqliteArticleStore store)
    {
        Directory = directory;
        Time = time;
        Store = store;
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public string Directory { get; }
    public ManualTimeProvider Time { get; }
    public SqliteArticleStore Store { get; private set; }

    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "aggregator-storage-tests", Guid.NewGuid().ToString("n"));

    public static async Task<StorageTestStore> CreateAsync(StorageOptions? options = null)
    {
        var directory = NewDirectory();
        var time = new ManualTimeProvider(Start);
        var store = await SqliteArticleStore.OpenAsync(directory, time, options, CancellationToken.None);
        return new StorageTestStore(directory, time, store);
    }

    public static SourceDefinition Source(string id, int priority = 100, string? title = null) => new()
    {
        Id = id,
        Title = title ?? id + " news",
        Url = new Uri($"https://{id}.example.com/rss.xml"),
        Categories = ["金融"],
        Schedule = "0 */10 * * * ?",
        Priority = priority,
    };

    public Task<IngestResult> IngestAsync(SourceDefinition source, params Article[] articles) =>
        Store.IngestAsync(source, articles, Time.GetUtcNow(), CancellationToken.None);

    public async Task<long> RowsWrittenAsync() => (await Store.GetStatisticsAsync(CancellationToken.None)).RowsWritten;

    /// <summary>Closes and reopens the store on the same file (what a restart does).</summary>
    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await SqliteArticleStore.OpenAsync(Directory, Time, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }
}
