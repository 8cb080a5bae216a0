using Aggregator.Storage;
using Aggregator.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

public sealed class WalCheckpointerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CommitsPastTheThresholdAreCheckpointedInTheBackgroundUntilNothingIsLeft()
    {
        await using var test = await StorageTestStore.CreateAsync(new StorageOptions { WalAutoCheckpointPages = 4 });
        var stcn = StorageTestStore.Source("stcn");
        for (var batch = 0; batch < 5; batch++)
            await test.IngestAsync(stcn, [.. Enumerable.Range(0, 10).Select(i => Numbered(batch * 10 + i))]);

        await test.Store.WhenCheckpointedAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // The database file alone (without its WAL) holds what the checkpoints copied: every article.
        Assert.True(test.Store.BackgroundCheckpoints > 0);
        Assert.Equal(50, await ArticlesInDatabaseFileAsync(test.Store.DatabasePath));
    }

    [Fact]
    public async Task WithoutBackgroundCheckpointsNoRoundRuns()
    {
        await using var test = await StorageTestStore.CreateAsync(new StorageOptions { WalAutoCheckpointPages = 4, BackgroundCheckpoint = false });
        var stcn = StorageTestStore.Source("stcn");
        for (var batch = 0; batch < 3; batch++)
            await test.IngestAsync(stcn, [.. Enumerable.Range(0, 10).Select(i => Numbered(batch * 10 + i))]);

        await test.Store.WhenCheckpointedAsync();

        Assert.Equal(0, test.Store.BackgroundCheckpoints);
        Assert.Equal(30, (await test.Store.GetStatisticsAsync(None)).Articles);
    }

    [Fact]
    public async Task ArticlesWrittenWhileCheckpointsRunSurviveAReopen()
    {
        await using var test = await StorageTestStore.CreateAsync(new StorageOptions { WalAutoCheckpointPages = 2 });
        var stcn = StorageTestStore.Source("stcn");
        for (var batch = 0; batch < 8; batch++)
            await test.IngestAsync(stcn, [.. Enumerable.Range(0, 5).Select(i => Numbered(batch * 5 + i))]);

        await test.ReopenAsync();

        Assert.Equal(40, (await test.Store.GetStatisticsAsync(None)).Articles);
        await using var connection = new SqliteConnection($"Data Source={test.Store.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
    }

    private static async Task<long> ArticlesInDatabaseFileAsync(string path)
    {
        // Copied by another process: closing a descriptor of the open database in this one would drop
        // the store's POSIX locks on it.
        var copy = Path.Combine(Path.GetDirectoryName(path)!, "copy-without-wal.db");
        using (var cp = System.Diagnostics.Process.Start("cp", [path, copy]))
            await cp.WaitForExitAsync();
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles;");
    }

    // Distinct stories (different numbers in title and body) so none merges with another.
    private static Aggregator.Model.Article Numbered(int n) => new ArticleBuilder()
        .Key("k" + n)
        .Title($"第{n}号公告：公司{n}月营收增长{n}%")
        .Body($"<p>公司第{n}号公告显示，营收增长{n}%，净利润{n * 3}亿元。</p>")
        .Build();
}
