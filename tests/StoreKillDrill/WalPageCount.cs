using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StoreKillDrill;

/// <summary>
/// SQLite's count of the pages a connection's commits wrote to the WAL (SQLITE_DBSTATUS_CACHE_WRITE),
/// per row: the B-trees an insert touches, which is what separates the store from the raw peer.
/// </summary>
internal static class WalPageCount
{
    /// <summary>Sets the connection's count back to zero before a timed section.</summary>
    public static void Reset(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_db_status(connection.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out _, out _, 1);

    /// <summary>", N.NN WAL pages/row" since the last reset, to append to a cost line.</summary>
    public static string PerRow(SqliteConnection connection, long rows)
    {
        SQLitePCL.raw.sqlite3_db_status(connection.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out var pages, out _, 1);
        return string.Create(CultureInfo.InvariantCulture, $", {pages / (double)rows:F2} WAL pages/row");
    }
}
