using Aggregator.Model;
using Dapper;
using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>Per-source fetch state and health (see <see cref="HealthPolicy"/> for the backoff rules).</summary>
internal sealed partial class PostgresArticleStore
{
    public async Task<SourceHealth> GetHealthAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<HealthRow>(
            HealthQueries.Select + " WHERE s.id = @sourceId;", new { sourceId, cancellationToken });
        return row?.ToHealth() ?? SourceHealth.Unknown(sourceId);
    }

    public async Task<IReadOnlyList<SourceHealth>> GetAllHealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await HealthRowReader.ReadAllAsync(connection, HealthQueries.Select + " ORDER BY s.id;", cancellationToken);
        return [.. rows.Select(row => row.ToHealth())];
    }

    public Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async (transaction, writes) =>
        {
            writes.Add(await UpsertSourceAsync(transaction, source, cancellationToken));
            var row = await transaction.Connection!.QuerySingleAsync<HealthRow>(
                HealthQueries.Select + " WHERE s.id = @Id;", new { source.Id, cancellationToken }, transaction);
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
            var rows = await transaction.Connection!.ExecuteAsync(sql, new { sourceId, cancellationToken }, transaction);
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
        return transaction.Connection!.ExecuteAsync(sql, new
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
            cancellationToken,
        }, transaction);
    }
}
