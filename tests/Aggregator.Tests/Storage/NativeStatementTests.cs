using Aggregator.Storage;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

/// <summary>The ingest path's statements on SQLite's own API behave as the ADO.NET commands they replaced.</summary>
public sealed class NativeStatementTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, size INTEGER) STRICT;";
        await create.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => connection.Dispose();

    // An empty span has no address; SQLite binds a NULL pointer as NULL, which the NOT NULL columns refuse.
    [Fact]
    public void AnEmptyStringIsStoredAsAnEmptyStringNotNull()
    {
        using var insert = Insert();
        using var transaction = connection.BeginTransaction();

        insert.Bind(transaction, 1L, "", null, null).ExecuteNonQuery();

        using var read = new NativeStatement(connection, "SELECT name, typeof(name), note IS NULL FROM t WHERE id = $id;", "$id");
        using var reader = read.Bind(transaction, 1L).ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("", reader.GetString(0));
        Assert.Equal("text", reader.GetString(1));
        Assert.Equal(1L, reader.GetInt64(2));
    }

    [Fact]
    public void ValuesOfEveryKindRoundTripAndAParameterNamedTwiceTakesOneValue()
    {
        using var insert = new NativeStatement(connection, "INSERT INTO t (id, name, note, size) VALUES ($id, $name, $name, $size) RETURNING id;", "$id", "$name", "$size");
        using var transaction = connection.BeginTransaction();

        Assert.Equal(7L, insert.Bind(transaction, 7L, "快讯 · 收评 😀", true).ExecuteScalar());

        using var read = new NativeStatement(connection, "SELECT name, note, size FROM t WHERE id = $id;", "$id");
        using var reader = read.Bind(transaction, 7L).ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("快讯 · 收评 😀", reader.GetString(0));
        Assert.Equal("快讯 · 收评 😀", reader.GetString(1));
        Assert.Equal(1L, reader.GetInt64(2));
        Assert.False(reader.Read());
    }

    [Fact]
    public void AFailedExecutionThrowsSqlitesErrorAndTheStatementRunsAgain()
    {
        using var insert = Insert();
        using var transaction = connection.BeginTransaction();
        insert.Bind(transaction, 1L, "a", null, null).ExecuteNonQuery();

        var error = Assert.Throws<SqliteException>(() => insert.Bind(transaction, 1L, "b", null, null).ExecuteNonQuery());
        Assert.Contains("UNIQUE constraint failed: t.id", error.Message, StringComparison.Ordinal);

        Assert.Equal(1, insert.Bind(transaction, 2L, "b", null, null).ExecuteNonQuery());
        using var count = new NativeStatement(connection, "SELECT count(*) FROM t;");
        Assert.Equal(2L, count.Bind(transaction).ExecuteScalar());
    }

    [Fact]
    public void AScalarWithoutARowIsNull()
    {
        using var read = new NativeStatement(connection, "SELECT name FROM t WHERE id = $id;", "$id");
        using var transaction = connection.BeginTransaction();

        Assert.Null(read.Bind(transaction, 42L).ExecuteScalar());
    }

    [Fact]
    public async Task ATransactionOfAnotherConnectionIsRefused()
    {
        await using var other = new SqliteConnection("Data Source=:memory:");
        await other.OpenAsync();
        using var insert = Insert();
        using var transaction = other.BeginTransaction();

        Assert.Throws<InvalidOperationException>(() => insert.Bind(transaction, 1L, "a", null, null));
    }

    [Fact]
    public void AParameterTheSqlDoesNotHaveAndAWrongNumberOfValuesAreRefused()
    {
        using var transaction = connection.BeginTransaction();
        using var misnamed = new NativeStatement(connection, "SELECT $a;", "$b");
        using var insert = Insert();

        Assert.Throws<ArgumentException>(() => misnamed.Bind(transaction, 1L));
        Assert.Throws<ArgumentException>(() => insert.Bind(transaction, 1L, "a"));
    }

    [Fact]
    public void AValueOfAnUnsupportedTypeIsRefusedByName()
    {
        using var insert = Insert();
        using var transaction = connection.BeginTransaction();

        var error = Assert.Throws<ArgumentException>(() => insert.Bind(transaction, 1L, "a", DateTimeOffset.UnixEpoch, null));
        Assert.Contains("DateTimeOffset", error.Message, StringComparison.Ordinal);
    }

    private NativeStatement Insert() =>
        new(connection, "INSERT INTO t (id, name, note, size) VALUES ($id, $name, $note, $size);", "$id", "$name", "$note", "$size");
}
