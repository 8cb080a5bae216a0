using System.Data.Common;

namespace Aggregator.Storage;

/// <summary>
/// Reads a row of <see cref="HealthQueries.Select"/> by column name without Dapper: the health read
/// and write run once per poll, and mapping through Dapper cost more than the query itself.
/// </summary>
internal static class HealthRowReader
{
    public static HealthRow Read(DbDataReader reader) => new()
    {
        SourceId = reader.GetString(reader.GetOrdinal(nameof(HealthRow.SourceId))),
        ETag = Text(reader, nameof(HealthRow.ETag)),
        LastModified = Text(reader, nameof(HealthRow.LastModified)),
        LastAttempt = Number(reader, nameof(HealthRow.LastAttempt)),
        LastSuccess = Number(reader, nameof(HealthRow.LastSuccess)),
        LastHttpStatus = Number(reader, nameof(HealthRow.LastHttpStatus)),
        ConsecutiveFailures = Number(reader, nameof(HealthRow.ConsecutiveFailures)) ?? 0,
        LastError = Text(reader, nameof(HealthRow.LastError)),
        NextAttemptAfter = Number(reader, nameof(HealthRow.NextAttemptAfter)),
        Paused = Number(reader, nameof(HealthRow.Paused)) ?? 0,
        PermanentRedirect = Text(reader, nameof(HealthRow.PermanentRedirect)),
        ArticleCount = Number(reader, nameof(HealthRow.ArticleCount)) ?? 0,
    };

    /// <summary>
    /// Every row of a parameterless health query, with the token on the command itself: Dapper.AOT
    /// 1.1.0 drops the token of an intercepted call that binds no parameter (see <see cref="UnboundSql"/>).
    /// </summary>
    public static async Task<List<HealthRow>> ReadAllAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<HealthRow>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(Read(reader));
        return rows;
    }

    private static string? Text(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    private static long? Number(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }
}
