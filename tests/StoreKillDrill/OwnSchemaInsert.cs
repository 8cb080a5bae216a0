using System.Diagnostics;
using System.Globalization;
using Aggregator.Model;
using Aggregator.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StoreKillDrill;

/// <summary>
/// An extra row of issue 4's benchmark (not the peer): the same rows inserted raw into a copy
/// of the store's own preloaded file (the product's tables, indexes and link trigger), every entry as
/// a new article with its report and categories, no dedupe lookups at all, one transaction per poll,
/// the store's pragmas. Store / this = what deduplication costs; this / raw = what the product's
/// indexes cost. It writes more rows than the store (no entry merges into another), so it is if
/// anything the slower of the two for the same indexes.
/// </summary>
internal static class OwnSchemaInsert
{
    private const string InsertEntry = """
        INSERT OR IGNORE INTO article_entries (source_id, entry_key, article_seq, guid, link, content_hash)
        VALUES ($source_id, $entry_key, $seq, $guid, $link, $content_hash);
        """;

    private const string InsertCategory = """
        INSERT OR IGNORE INTO article_categories (article_seq, position, name, listed) VALUES ($seq, $position, $name, $listed);
        """;

    /// <returns>Rows per second, database bytes per article, articles stored, and the cost line.</returns>
    public static async Task<(double Rate, double BytesPerArticle, long Articles, string Cost)> MeasureAsync(
        string directory, string storeTemplate, List<(SourceDefinition Source, IReadOnlyList<Article> Articles)> batches, int entries)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SqliteArticleStore.FileName);
        TemplateCopy.ToDisk(Path.Combine(storeTemplate, SqliteArticleStore.FileName), path);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(RawTable.Pragmas(new StorageOptions()));
        foreach (var (source, _) in batches)
        {
            await connection.ExecuteAsync("INSERT OR IGNORE INTO sources (id, title, url, priority) VALUES (@Id, @Title, @Url, @Priority);",
                new { source.Id, source.Title, Url = source.Url.ToString(), source.Priority });
        }

        // A link reported twice belongs to its first article here too; the article row is still written.
        await connection.ExecuteAsync("""
            DROP TRIGGER IF EXISTS articles_claim_link;
            CREATE TRIGGER articles_claim_link AFTER INSERT ON articles
            BEGIN
                INSERT OR IGNORE INTO links (link, article_seq) VALUES (NEW.canonical_link, NEW.seq);
            END;
            """);
        // The store's own article INSERT, so this row follows any change of the articles table.
        using var article = Prepare(connection, IngestCommands.InsertArticleSql, IngestCommands.InsertArticleParameters);
        using var entry = Prepare(connection, InsertEntry, "$source_id", "$entry_key", "$seq", "$guid", "$link", "$content_hash");
        using var category = Prepare(connection, InsertCategory, "$seq", "$position", "$name", "$listed");

        WalPageCount.Reset(connection);
        var cost = ProcessCost.Start();
        var clock = Stopwatch.StartNew();
        foreach (var (source, articles) in batches)
        {
            using var transaction = connection.BeginTransaction();
            var seen = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var a in articles)
            {
                var published = a.Published.ToUnixTimeMilliseconds();
                var seq = (long)Bind(article, transaction, ArticleKeys.ArticleId(source.Id, a.EntryKey), a.Link, source.Id, a.EntryKey, a.Guid, a.Title,
                    a.TitleKey, a.Author, published, a.Updated?.ToUnixTimeMilliseconds(), seen, a.Thumbnail, a.Body, a.Summary, a.ContentHash,
                    ArticleKeys.TitleStart(a.TitleKey), ArticleKeys.TitleEnd(a.TitleKey), unchecked((long)a.BodyFingerprint), a.Comments ? 1L : 0L).ExecuteScalar()!;
                Bind(entry, transaction, source.Id, a.EntryKey, seq, a.Guid, a.Link, a.ContentHash).ExecuteNonQuery();
                for (var position = 0; position < a.Categories.Count; position++)
                    Bind(category, transaction, seq, (long)position, a.Categories[position], Math.Max(published, seen)).ExecuteNonQuery();
            }

            transaction.Commit();
        }

        clock.Stop();
        var spent = cost.Stop(entries);
        spent += WalPageCount.PerRow(connection, entries);
        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var stored = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles;");
        return (entries / clock.Elapsed.TotalSeconds, new FileInfo(path).Length / (double)stored, stored, spent);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static SqliteCommand Bind(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }
}
