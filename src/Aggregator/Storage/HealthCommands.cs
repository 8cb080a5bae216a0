using Aggregator.Model;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// The statements of the health write every poll ends with, prepared once on the write connection:
/// register the source, read its health, write the next health (<see cref="HealthPolicy"/>). When the
/// store's memo holds the row (<see cref="PollMemo"/>), only <see cref="Next"/> runs at once and
/// <see cref="Write"/> later, with other polls' rows in one transaction.
/// </summary>
internal sealed class HealthCommands(SqliteConnection connection) : IDisposable
{
    /// <summary>The WHERE makes an unchanged source a no-op: a poll of unchanged feeds writes no source row.</summary>
    private readonly PreparedCommand upsertSource = new(connection, """
        INSERT INTO sources (id, title, url, priority) VALUES ($id, $title, $url, $priority)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, priority = excluded.priority
        WHERE title IS NOT excluded.title OR url IS NOT excluded.url OR priority IS NOT excluded.priority;
        """, "$id", "$title", "$url", "$priority");

    private readonly PreparedCommand select = new(connection, HealthQueries.Select + " WHERE s.id = $id;", "$id");

    private readonly PreparedCommand update = new(connection, """
        UPDATE sources SET etag = $etag, last_modified = $last_modified, last_attempt = $last_attempt,
            last_success = $last_success, last_http_status = $last_http_status,
            consecutive_failures = $consecutive_failures, last_error = $last_error,
            next_attempt_after = $next_attempt_after, paused = $paused, permanent_redirect = $permanent_redirect
        WHERE id = $id;
        """, "$id", "$etag", "$last_modified", "$last_attempt", "$last_success", "$last_http_status",
        "$consecutive_failures", "$last_error", "$next_attempt_after", "$paused", "$permanent_redirect");

    /// <summary>
    /// Records one poll's outcome inside <paramref name="transaction"/> (the caller's write transaction):
    /// registers the source, reads its row, writes the next; returns the row as now stored.
    /// </summary>
    public HealthRow Record(SqliteTransaction transaction, SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, StorageOptions options)
    {
        upsertSource.Bind(transaction, source.Id, source.Title, source.Url.ToString(), (long)source.Priority).ExecuteNonQuery();
        HealthRow row;
        using (var reader = select.Bind(transaction, source.Id).ExecuteReader())
        {
            if (!reader.Read())
                throw new StorageException($"storage: source '{source.Id}' vanished while its poll was recorded.");
            row = HealthRowReader.Read(reader);
        }

        var written = Next(row, outcome, parseError, at, options);
        Write(transaction, written);
        return written;
    }

    /// <summary>The row after one poll (<see cref="HealthPolicy"/>), in its stored form (times in milliseconds).</summary>
    public static HealthRow Next(HealthRow stored, FetchOutcome outcome, string? parseError, DateTimeOffset at, StorageOptions options)
    {
        var next = HealthPolicy.Next(stored.ToHealth(), outcome, parseError, at, options);
        return new HealthRow
        {
            SourceId = next.SourceId,
            ETag = next.ETag,
            LastModified = next.LastModified,
            LastAttempt = ArticleKeys.ToStored(next.LastAttempt),
            LastSuccess = ArticleKeys.ToStored(next.LastSuccess),
            LastHttpStatus = next.LastHttpStatus,
            ConsecutiveFailures = next.ConsecutiveFailures,
            LastError = next.LastError,
            NextAttemptAfter = ArticleKeys.ToStored(next.NextAttemptAfter),
            Paused = next.Paused ? 1L : 0L,
            PermanentRedirect = next.PermanentRedirect,
            ArticleCount = stored.ArticleCount, // a health write changes no entry
        };
    }

    /// <summary>Writes <paramref name="row"/>'s health columns to its source (the count is not a column).</summary>
    public void Write(SqliteTransaction transaction, HealthRow row) =>
        update.Bind(transaction,
            row.SourceId,
            row.ETag,
            row.LastModified,
            row.LastAttempt,
            row.LastSuccess,
            row.LastHttpStatus,
            row.ConsecutiveFailures,
            row.LastError,
            row.NextAttemptAfter,
            row.Paused,
            row.PermanentRedirect).ExecuteNonQuery();

    public void Dispose()
    {
        upsertSource.Dispose();
        select.Dispose();
        update.Dispose();
    }
}
