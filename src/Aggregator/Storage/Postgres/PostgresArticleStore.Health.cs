using Aggregator.Model;
using Dapper;
using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>Per-source fetch state and health (see <see cref="HealthPolicy"/> for the backoff rules).</summary>
internal sealed partial class PostgresArticleStore
{
    // ArticleCount counts the source's reports (article_entries), canonical or "also reported by".
    private const string HealthSelect = """
        SELECT s.id AS SourceId, s.etag AS ETag, s.last_modified AS LastModified, s.last_attempt AS LastAttempt,
               s.last_success AS LastSuccess, s.last_http_status AS LastHttpStatus,
               s.consecutive_failures AS ConsecutiveFailures, s.last_error AS LastError,
               s.next_attempt_after AS NextAttemptAfter, s.paused AS Paused, s.permanent_redirect AS PermanentRedirect,
               (SELECT count(*) FROM article_entries e WHERE e.source_id = s.id) AS ArticleCount
        FROM sources s
        """;

    public async Task<SourceHealth> GetHealthAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<HealthRow>(new CommandDefinition(
            HealthSelect + " WHERE s.id = @sourceId;", new { sourceId }, cancellationToken: cancellationToken));
        return row?.ToHealth() ?? SourceHealth.Unknown(sourceId);
    }

    public async Task<IReadOnlyList<SourceHealth>> GetAllHealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HealthRow>(new CommandDefinition(HealthSelect + " ORDER BY s.id;", cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToHealth())];
    }

    public Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async (transaction, writes) =>
        {
            writes.Add(await UpsertSourceAsync(transaction, source, cancellationToken));
            var row = await transaction.Connection!.QuerySingleAsync<HealthRow>(new CommandDefinition(
                HealthSelect + " WHERE s.id = @Id;", new { source.Id }, transaction, cancellationToken: cancellationToken));
            var next = HealthPolicy.Next(row.ToHealth(), outcome, parseError, at, options);
            writes.Add(await WriteHealthAsync(transaction, next, cancellationToken));
            return 0;
        }, cancellationToken);

    public Task ResumeSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        WriteAsync(async (transaction, writes) =>
        {
            const string sql = """
                UPDATE sources SET paused = 0, consecutive_failures = 0, next_attempt_after = NULL WHERE id = @sourceId;
                """;
            var rows = await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new { sourceId }, transaction, cancellationToken: cancellationToken));
            writes.Add(rows);
            return rows;
        }, cancellationToken);

    private static Task<int> WriteHealthAsync(NpgsqlTransaction transaction, SourceHealth health, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE sources SET etag = @ETag, last_modified = @LastModified, last_attempt = @LastAttempt,
                last_success = @LastSuccess, last_http_status = @LastHttpStatus,
                consecutive_failures = @ConsecutiveFailures, last_error = @LastError,
                next_attempt_after = @NextAttemptAfter, paused = @Paused, permanent_redirect = @PermanentRedirect
            WHERE id = @SourceId;
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new
        {
            health.SourceId,
            health.ETag,
            health.LastModified,
            LastAttempt = ArticleKeys.ToStored(health.LastAttempt),
            LastSuccess = ArticleKeys.ToStored(health.LastSuccess),
            LastHttpStatus = (long?)health.LastHttpStatus,
            ConsecutiveFailures = (long)health.ConsecutiveFailures,
            health.LastError,
            NextAttemptAfter = ArticleKeys.ToStored(health.NextAttemptAfter),
            Paused = health.Paused ? 1L : 0L,
            health.PermanentRedirect,
        }, transaction, cancellationToken: cancellationToken));
    }
}
