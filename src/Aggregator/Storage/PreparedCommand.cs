using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// A command compiled once on the write connection and re-bound per use: SQL parsing is paid once per
/// process. The health writes use it (their rows are read by the shared <see cref="HealthRowReader"/>);
/// the ingest path, run ~7 times per entry, uses the lighter <see cref="NativeStatement"/>.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand command;
    private bool prepared;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
            command.Parameters.Add(new SqliteParameter(name, null));
    }

    public SqliteCommand Bind(SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        if (!prepared)
        {
            command.Prepare();
            prepared = true;
        }

        return command;
    }

    public void Dispose() => command.Dispose();
}
