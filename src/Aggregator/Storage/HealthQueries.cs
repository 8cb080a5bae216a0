namespace Aggregator.Storage;

/// <summary>
/// The health read both stores share: plain SQL that SQLite and PostgreSQL read alike, so the two
/// cannot drift apart in what a source's health is made of.
/// </summary>
internal static class HealthQueries
{
    // ArticleCount counts the source's reports (article_entries), canonical or "also reported by".
    public const string Select = """
        SELECT s.id AS SourceId, s.etag AS ETag, s.last_modified AS LastModified, s.last_attempt AS LastAttempt,
               s.last_success AS LastSuccess, s.last_http_status AS LastHttpStatus,
               s.consecutive_failures AS ConsecutiveFailures, s.last_error AS LastError,
               s.next_attempt_after AS NextAttemptAfter, s.paused AS Paused, s.permanent_redirect AS PermanentRedirect,
               (SELECT count(*) FROM article_entries e WHERE e.source_id = s.id) AS ArticleCount
        FROM sources s
        """;
}
