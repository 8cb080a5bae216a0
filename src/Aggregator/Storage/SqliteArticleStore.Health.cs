using Aggregator.Model;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>Per-source fetch state and health (see <see cref="HealthPolicy"/> for the backoff rules).</summary>
internal sealed partial class SqliteArticleStore
{
    /// <summary>
    /// Every poll starts here: the row the memo holds (<see cref="PollMemo"/>: the one the last poll wrote,
    /// unless something changed it since), else a kept reader with the query prepared (<see cref="PollReader"/>).
    /// </summary>
    public Task<SourceHealth> GetHealthAsync(string sourceId, CancellationToken cancellationToken)
    {
        if (MemoUsable() && memo.Health(sourceId) is { } remembered)
            return Task.FromResult(remembered.ToHealth());

        var version = memo.HealthVersion(sourceId);
        return pollReaders.ReadAsync(reader =>
        {
            if (reader.ReadHealth(sourceId) is not { } row)
                return SourceHealth.Unknown(sourceId);
            memo.FillHealth(sourceId, version, row);
            return row.ToHealth();
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SourceHealth>> GetAllHealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        var rows = await connection.QueryAsync<HealthRow>(new CommandDefinition(HealthQueries.Select + " ORDER BY s.id;", cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToHealth())];
    }

    /// <summary>
    /// Every poll ends here: one write transaction of prepared statements (<see cref="HealthCommands"/>).
    /// With the source's row in the memo, the transaction is the one UPDATE: the row is not read again
    /// and the source not registered again when its title, url and priority are those stored.
    /// </summary>
    public Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            CheckMemoVersion();
            var definition = (source.Title, source.Url.ToString(), (long)source.Priority);
            var registered = memo.Registered(source.Id, definition.Title, definition.Item2, definition.Item3);
            var written = healthCommands.Record(transaction, source, outcome, parseError, at, options, registered ? memo.Health(source.Id) : null);
            stagedHealth.Add((source.Id, written, definition));
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
