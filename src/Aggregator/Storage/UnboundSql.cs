using System.Data;
using System.Data.Common;
using Dapper;

namespace Aggregator.Storage;

/// <summary>
/// Statements without parameters (migrations, pragmas, locks) through Dapper.AOT's explicit command
/// API. Dapper.AOT 1.1.0 takes an intercepted call's cancellation token from a CancellationToken
/// member of its parameter object, but for SQL that binds no parameter it drops that member and the
/// token with it (and for SQL it cannot read at build time it generates code that does not compile),
/// so these calls pass the token to the command themselves. No reflection: nothing to bind, and the
/// scalar is converted by Dapper.AOT's generic code. Name the pending transaction: Dapper.AOT sets the
/// command's transaction to exactly what it is given (a bare SqliteConnection.CreateCommand enlists
/// the pending one by itself, which <see cref="CountsAsync"/> relies on).
/// </summary>
internal static class UnboundSql
{
    public static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken) =>
        Command(connection, transaction, sql).ExecuteAsync((object?)null, cancellationToken);

    public static Task<T> ScalarAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken) =>
        Command(connection, transaction, sql).ExecuteScalarAsync<T>(null, cancellationToken);

    /// <summary>The single row of a parameterless query of counts, its columns in order.</summary>
    public static async Task<long[]> CountsAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw new StorageException("storage: a count query returned no row.");
        var counts = new long[reader.FieldCount];
        for (var i = 0; i < counts.Length; i++)
            counts[i] = reader.GetInt64(i);
        return counts;
    }

    private static Command<object?> Command(DbConnection connection, DbTransaction? transaction, string sql) =>
        DapperAotExtensions.Command(connection, transaction, sql, CommandType.Text, 0, CommandFactory.Simple);
}
