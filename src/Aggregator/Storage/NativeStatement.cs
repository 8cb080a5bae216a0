using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Aggregator.Storage;

/// <summary>
/// A statement of the ingest path on SQLite's own API: prepared once on the write connection, bound
/// by position, stepped and reset. Why not <see cref="PreparedCommand"/>: each ADO.NET execution looks
/// its parameters up by name, converts every string to a UTF-8 copy before SQLite copies it again, and
/// makes a data reader; over the ~7 statements of an ingested entry that was about as much of the
/// writer's time as SQLite's own work in them (perf of the ingest benchmark, 2026-11-28). Strings are
/// bound as UTF-16 (SQLite converts them once, as it stores them). A statement runs in whatever
/// transaction its connection has open, as every statement on that connection does.
/// </summary>
internal sealed class NativeStatement(SqliteConnection connection, string sql, params string[] parameterNames) : IDisposable
{
    private sqlite3_stmt? statement;
    private int[] positions = [];

    /// <summary>Binds <paramref name="values"/> to the parameters, in the order they were named.</summary>
    public NativeStatement Bind(SqliteTransaction transaction, params object?[] values)
    {
        if (!ReferenceEquals(transaction.Connection, connection))
            throw new InvalidOperationException("storage: a statement runs only in a transaction of the connection it was prepared on");
        if (values.Length != parameterNames.Length)
            throw new ArgumentException($"storage: {values.Length} values for the {parameterNames.Length} parameters of: {sql}", nameof(values));
        var prepared = Prepared();
        for (var i = 0; i < values.Length; i++)
            Check(BindValue(prepared, positions[i], values[i]), raw.SQLITE_OK);
        return this;
    }

    /// <summary>Runs the statement to its end; the rows it changed.</summary>
    public int ExecuteNonQuery()
    {
        var prepared = Bound();
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(prepared)) == raw.SQLITE_ROW)
            {
            }

            Check(rc, raw.SQLITE_DONE);
            return raw.sqlite3_changes(connection.Handle);
        }
        finally
        {
            raw.sqlite3_reset(prepared);
        }
    }

    /// <summary>The first column of the first row (null without a row or for NULL), as ADO.NET types it.</summary>
    public object? ExecuteScalar()
    {
        var prepared = Bound();
        try
        {
            var rc = raw.sqlite3_step(prepared);
            if (rc == raw.SQLITE_DONE)
                return null;
            Check(rc, raw.SQLITE_ROW);
            return raw.sqlite3_column_type(prepared, 0) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(prepared, 0),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(prepared, 0),
                raw.SQLITE_TEXT => raw.sqlite3_column_text(prepared, 0).utf8_to_string(),
                raw.SQLITE_BLOB => raw.sqlite3_column_blob(prepared, 0).ToArray(),
                _ => null,
            };
        }
        finally
        {
            raw.sqlite3_reset(prepared);
        }
    }

    /// <summary>Steps through the rows; disposing (or closing) the reader resets the statement.</summary>
    public Reader ExecuteReader() => new(this, Bound());

    public void Dispose()
    {
        statement?.Dispose();
        statement = null;
    }

    private sqlite3_stmt Prepared()
    {
        if (statement is not null)
            return statement;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var prepared);
        if (rc != raw.SQLITE_OK)
        {
            prepared.Dispose();
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        var found = new int[parameterNames.Length];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = raw.sqlite3_bind_parameter_index(prepared, parameterNames[i]);
            if (found[i] == 0)
            {
                prepared.Dispose();
                throw new ArgumentException($"storage: no parameter {parameterNames[i]} in: {sql}", nameof(parameterNames));
            }
        }

        positions = found;
        statement = prepared;
        return prepared;
    }

    private sqlite3_stmt Bound() => statement ?? throw new InvalidOperationException("storage: a statement runs after Bind");

    private static int BindValue(sqlite3_stmt prepared, int position, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(prepared, position),
        long number => raw.sqlite3_bind_int64(prepared, position, number),
        int number => raw.sqlite3_bind_int64(prepared, position, number),
        bool flag => raw.sqlite3_bind_int64(prepared, position, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(prepared, position, number),
        string text => raw.sqlite3_bind_text16(prepared, position, text.AsSpan()),
        byte[] bytes => raw.sqlite3_bind_blob(prepared, position, bytes),
        _ => throw new ArgumentException($"storage: cannot bind a {value.GetType().Name}", nameof(value)),
    };

    private void Check(int rc, int expected)
    {
        if (rc == expected)
            return;
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        // A success code other than the expected one (a row where none was due, or none where one was).
        throw new InvalidOperationException($"storage: SQLite answered {rc} instead of {expected} to: {sql}");
    }

    /// <summary>The rows of one execution.</summary>
    internal readonly struct Reader(NativeStatement owner, sqlite3_stmt prepared) : IDisposable
    {
        public bool Read()
        {
            var rc = raw.sqlite3_step(prepared);
            if (rc == raw.SQLITE_DONE)
                return false;
            owner.Check(rc, raw.SQLITE_ROW);
            return true;
        }

        public bool IsDBNull(int column) => raw.sqlite3_column_type(prepared, column) == raw.SQLITE_NULL;

        public long GetInt64(int column) => raw.sqlite3_column_int64(prepared, column);

        public string GetString(int column) =>
            raw.sqlite3_column_text(prepared, column).utf8_to_string()
            ?? throw new InvalidOperationException($"storage: column {column} is NULL in: {owner.Sql}");

        public void Close() => raw.sqlite3_reset(prepared);

        public void Dispose() => Close();
    }

    private string Sql => sql;
}
