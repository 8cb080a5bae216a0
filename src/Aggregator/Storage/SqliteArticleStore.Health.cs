using Aggregator.Model;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>Per-source fetch state and health (see <see cref="HealthPolicy"/> for the backoff rules).</summary>
internal sealed partial class SqliteArticleStore
{
    /// <summary>
    /// Every poll starts here: the row the memo holds (<see cref="PollMemo"/>: the one the last poll wrote,
    /// unless something changed it since), else a kept reader with the query prepared (<see cref="PollReader"/>),
    /// with the source's pending row (<see cref="PendingHealth"/>) laid over it.
    /// </summary>
    public Task<SourceHealth> GetHealthAsync(string sourceId, CancellationToken cancellationToken)
    {
        if (MemoUsable() && memo.Health(sourceId) is { } remembered)
            return Task.FromResult(remembered.ToHealth());

        var version = memo.HealthVersion(sourceId);
        // Taken before the read: a pending row leaves only after its commit, so the read sees it or it is here.
        var pending = PendingHealth(sourceId);
        return pollReaders.ReadAsync(reader =>
        {
            if (reader.ReadHealth(sourceId) is not { } row)
                return SourceHealth.Unknown(sourceId);
            if (pending is not null)
                row = WithCount(pending, row.ArticleCount);
            memo.FillHealth(sourceId, version, row);
            return row.ToHealth();
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SourceHealth>> GetAllHealthAsync(CancellationToken cancellationToken)
    {
        await FlushHealthAsync(cancellationToken);
        await using var connection = await OpenReaderAsync(cancellationToken);
        var rows = await HealthRowReader.ReadAllAsync(connection, HealthQueries.Select + " ORDER BY s.id;", cancellationToken);
        return [.. rows.Select(row => row.ToHealth())];
    }

    /// <summary>
    /// Every poll ends here. When the memo holds the source's row and registration, the next row is
    /// computed from it and left pending (<see cref="TryRecordPending"/>); otherwise one write
    /// transaction of prepared statements (<see cref="HealthCommands"/>) registers the source, reads its
    /// row and writes the next.
    /// </summary>
    public async Task RecordPollAsync(SourceDefinition source, FetchOutcome outcome, string? parseError, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        bool recorded, flushNow;
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            recorded = TryRecordPending(source, outcome, parseError, at, out flushNow);
        }
        finally
        {
            writeLock.Release();
        }

        if (flushNow)
            await FlushHealthAsync(cancellationToken);
        if (recorded)
            return;

        await WriteAsync(transaction =>
        {
            var written = healthCommands.Record(transaction, source, outcome, parseError, at, options);
            stagedHealth.Add((source.Id, written, (source.Title, source.Url.ToString(), (long)source.Priority)));
            return Task.FromResult(0);
        }, cancellationToken);
    }

    private static HealthRow WithCount(HealthRow row, long articleCount) => new()
    {
        SourceId = row.SourceId,
        ETag = row.ETag,
        LastModified = row.LastModified,
        LastAttempt = row.LastAttempt,
        LastSuccess = row.LastSuccess,
        LastHttpStatus = row.LastHttpStatus,
        ConsecutiveFailures = row.ConsecutiveFailures,
        LastError = row.LastError,
        NextAttemptAfter = row.NextAttemptAfter,
        Paused = row.Paused,
        PermanentRedirect = row.PermanentRedirect,
        ArticleCount = articleCount,
    };

    public Task ResumeSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            const string sql = """
                UPDATE sources SET paused = 0, consecutive_failures = 0, next_attempt_after = NULL WHERE id = @sourceId;
                """;
            return transaction.Connection!.ExecuteAsync(sql, new { sourceId, cancellationToken }, transaction);
        }, cancellationToken);
}
