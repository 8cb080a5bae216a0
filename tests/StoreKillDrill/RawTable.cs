using System.Globalization;
using Aggregator.Model;
using Aggregator.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StoreKillDrill;

/// <summary>
/// SQLite's raw rate, the benchmarks' peer: one table keyed by link, batched INSERT OR IGNORE in one
/// transaction per poll, with the store's pragmas on the same disk.
/// </summary>
internal static class RawTable
{
    /// <summary>
    /// The store's own connection pragmas (<see cref="StorageOptions"/> defaults), so both sides run alike;
    /// the page size, like the store's, applies only to a file not written yet (the templates).
    /// </summary>
    public static string Pragmas(StorageOptions options) => string.Create(CultureInfo.InvariantCulture, $"""
        PRAGMA page_size = {options.PageSize}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON;
        PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{options.CacheSizeMebibytes * 1024L}; PRAGMA wal_autocheckpoint = {options.WalAutoCheckpointPages};
        """);

    private const string Create = """
        CREATE TABLE IF NOT EXISTS raw (link TEXT PRIMARY KEY, source_id TEXT, entry_key TEXT, guid TEXT, title TEXT, author TEXT,
            published INTEGER, thumbnail TEXT, body TEXT, summary TEXT, content_hash TEXT, categories TEXT);
        """;

    /// <summary>Opens (creating when absent) the raw table with the store's default pragmas.</summary>
    public static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(Pragmas(new StorageOptions()) + Create);
        return connection;
    }

    public static SqliteCommand PrepareInsert(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT OR IGNORE INTO raw VALUES ($link, $source_id, $entry_key, $guid, $title, $author, $published, $thumbnail, $body, $summary, $content_hash, $categories);
            """;
        foreach (var name in new[] { "$link", "$source_id", "$entry_key", "$guid", "$title", "$author", "$published", "$thumbnail", "$body", "$summary", "$content_hash", "$categories" })
            insert.Parameters.Add(new SqliteParameter(name, null));
        insert.Prepare();
        return insert;
    }

    /// <summary>One poll's rows in one transaction.</summary>
    public static void Insert(SqliteConnection connection, SqliteCommand insert, IReadOnlyList<Article> articles)
    {
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        foreach (var a in articles)
        {
            object?[] values = [a.Link, a.SourceId, a.EntryKey, a.Guid, a.Title, a.Author, a.Published.ToUnixTimeMilliseconds(), a.Thumbnail, a.Body, a.Summary, a.ContentHash, string.Join('\u001f', a.Categories)];
            for (var i = 0; i < values.Length; i++)
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
