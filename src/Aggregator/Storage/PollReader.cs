using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// A reader connection kept open with the two reads every poll makes prepared on it: the source's
/// health before the fetch, and the stored content hashes of the entries it carries after the parse.
/// Opening a pooled connection, setting its pragmas and preparing the SQL cost more than both reads
/// together, and a re-poll of an unchanged feed does little else. Not thread-safe: one poll at a
/// time holds it (<see cref="PollReaderPool"/>).
/// </summary>
internal sealed class PollReader : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteCommand health;
    private readonly SqliteCommand hashes;

    public PollReader(SqliteConnection connection)
    {
        this.connection = connection;
        health = connection.CreateCommand();
        health.CommandText = HealthQueries.Select + " WHERE s.id = $source_id;";
        health.Parameters.Add(new SqliteParameter("$source_id", null));
        health.Prepare();

        // One fixed statement for any number of keys, the keys bound as one JSON array: a point lookup
        // per key on the primary key (source_id, entry_key), so the cost follows the feed's size, not
        // the source's history. Two bound values instead of one per key (binding was most of the cost).
        hashes = connection.CreateCommand();
        hashes.CommandText = "SELECT entry_key, content_hash FROM article_entries WHERE source_id = $source_id AND entry_key IN (SELECT value FROM json_each($keys));";
        hashes.Parameters.Add(new SqliteParameter("$source_id", null));
        hashes.Parameters.Add(new SqliteParameter("$keys", null));
        hashes.Prepare();
    }

    /// <summary>The source's health row, or null when the source is not stored yet.</summary>
    public HealthRow? ReadHealth(string sourceId)
    {
        health.Parameters[0].Value = sourceId;
        using var reader = health.ExecuteReader();
        return reader.Read() ? HealthRowReader.Read(reader) : null;
    }

    /// <summary>Adds to <paramref name="known"/> the stored hash of each of <paramref name="entryKeys"/> the source holds.</summary>
    public void ReadHashes(string sourceId, IReadOnlyCollection<string> entryKeys, Dictionary<string, string> known)
    {
        hashes.Parameters[0].Value = sourceId;
        hashes.Parameters[1].Value = JsonArray(entryKeys);
        using var reader = hashes.ExecuteReader();
        while (reader.Read())
            known[reader.GetString(0)] = reader.GetString(1);
    }

    private static string JsonArray(IReadOnlyCollection<string> values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * (values.Count + 1));
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
                writer.WriteStringValue(value);
            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public void Dispose()
    {
        health.Dispose();
        hashes.Dispose();
        connection.Dispose();
    }
}
