using Aggregator.Model;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>Per-source fetch state and health (see <see cref="HealthPolicy"/> for the backoff rules).</summary>
internal sealed partial class SqliteArticleStore
{
    /// <summary>Every poll starts here: a kept reader with the query prepared (<see cref="PollReader"/>).</summary>
    public Task<SourceHealth> GetHealthAsync(string sourceId, CancellationToken cancellationToken) =>
        pollReaders.ReadAsync(reader => reader.ReadHealth(sourceId)?.ToHealth() ?? SourceHealth.Unknown(sourceId), cancellationToken);

    public async Task<IReadOnlyList<SourceHealth>> GetAllHealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        var rows = await connection.QueryAsync<HealthRow>(new CommandDefinition(HealthQueries.Select + " ORDER BY s.id;", cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToHealth())];
    }

    /// <summary>Every poll ends here: one write transaction of prepared statements (<see cref="HealthCommands"/>).</summary>
    public Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            healthCommands.Record(transaction, source, outcome, parseError, at, options);
            return Task.FromResult(0);
        }, cancellationToken);

    public Task ResumeSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            const string sql = """
                UPDATE sources SET paused = 0, consecutive_failures = 0, next_attempt_after = NULL WHERE id = @sourceId;
                """;
            return transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new { sourceId }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);
}
