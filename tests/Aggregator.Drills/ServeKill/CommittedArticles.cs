using Microsoft.Data.Sqlite;

namespace Aggregator.Drills.ServeKill;

/// <summary>The ids of the articles committed in a store right now, read beside the running writer (WAL readers see committed transactions only).</summary>
internal static class CommittedArticles
{
    public static HashSet<string> Read(string data)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var file = Path.Combine(data, "aggregator.db");
        if (!File.Exists(file))
            return ids;
        try
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False;Default Timeout=10");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM articles;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                ids.Add(reader.GetString(0));
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 1 or 5 or 6)
        {
            // No articles table yet (the schema is being created) or busy: nothing counted as committed.
        }

        return ids;
    }
}
