using Aggregator.Model;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>Per-source fetch state and health (see <see cref="HealthPolicy"/> for the backoff rules).</summary>
internal sealed partial class SqliteArticleStore
{
    public async Task<SourceHealth> GetHealthAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<HealthRow>(new CommandDefinition(
            HealthQueries.Select + " WHERE s.id = @sourceId;", new { sourceId }, cancellationToken: cancellationToken));
        return row?.ToHealth() ?? SourceHealth.Unknown(sourceId);
    }

    public async Task<IReadOnlyList<SourceHealth>> GetAllHealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        var rows = await connection.QueryAsync<HealthRow>(new CommandDefinition(HealthQueries.Select + " ORDER BY s.id;", cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToHealth())];
    }

    public Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async transaction =>
        {
            await UpsertSourceAsync(transaction, source, cancellationToken);
            var connection = transaction.Connection!;
            var row = await connection.QuerySingleAsync<HealthRow>(new CommandDefinition(
                HealthQueries.Select + " WHERE s.id = @Id;", new { source.Id }, transaction, cancellationToken: cancellationToken));
            var next = HealthPolicy.Next(row.ToHealth(), outcome, parseError, at, options);
            await WriteHealthAsync(transaction, next, cancellationToken);
            return 0;
        }, cancellationToken);

    public Task ResumeSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            const string sql = """
                UPDATE sources SET paused = 0, consecutive_failures = 0, next_attempt_after = NULL WHERE id = @sourceId;
                """;
            return transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new { sourceId }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    private static Task<int> WriteHealthAsync(SqliteTransaction transaction, SourceHealth health, CancellationToken cancellationToken)
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
            health.LastHttpStatus,
            health.ConsecutiveFailures,
            health.LastError,
            NextAttemptAfter = ArticleKeys.ToStored(health.NextAttemptAfter),
            Paused = health.Paused ? 1 : 0,
            health.PermanentRedirect,
        }, transaction, cancellationToken: cancellationToken));
    }
}
