using System.Diagnostics;
using Aggregator.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StoreKillDrill;

/// <summary>
/// How long opening an existing store takes when it has migrations to apply (e.g. a copy of a schema-3
/// benchmark template): the start-up cost of an upgrade, with the schema versions and the file size;
/// then the worst case of an admin's delete by id.
/// </summary>
internal static class MigrateTiming
{
    public static async Task RunAsync(string directory)
    {
        var path = Path.Combine(directory, SqliteArticleStore.FileName);
        var before = await VersionAsync(path);
        var clock = Stopwatch.StartNew();
        await (await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None)).DisposeAsync();
        clock.Stop();
        Console.WriteLine($"opened {path}: schema {before} -> {await VersionAsync(path)} in {clock.Elapsed.TotalSeconds:F2} s; file {new FileInfo(path).Length / 1048576.0:F0} MiB, WAL {(File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length / 1048576.0 : 0):F0} MiB");

        // An admin's delete by id scans every report for the id's hash (schema 4: no index on ids); an id
        // that matches nothing is its worst case, and deletes nothing.
        await using var store = await SqliteArticleStore.OpenAsync(directory, TimeProvider.System, null, CancellationToken.None);
        clock.Restart();
        var deleted = await store.DeleteArticleAsync("00000000000000000000000000000000", CancellationToken.None);
        Console.WriteLine($"delete by an id that matches nothing: {clock.Elapsed.TotalSeconds:F2} s (deleted: {deleted})");
    }

    private static async Task<long> VersionAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("PRAGMA user_version;");
    }
}
