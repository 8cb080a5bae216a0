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
    /// <summary>Keys per execution of the hash lookup; unused slots are bound to NULL, which matches nothing.</summary>
    public const int KeysPerLookup = 64;

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

        // One fixed statement for any number of keys: a point lookup per key on the primary key
        // (source_id, entry_key), so the cost follows the feed's size, not the source's history.
        hashes = connection.CreateCommand();
        var slots = string.Join(", ", Enumerable.Range(0, KeysPerLookup).Select(i => "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        hashes.CommandText = $"SELECT entry_key, content_hash FROM article_entries WHERE source_id = $source_id AND entry_key IN ({slots});";
        hashes.Parameters.Add(new SqliteParameter("$source_id", null));
        for (var i = 0; i < KeysPerLookup; i++)
            hashes.Parameters.Add(new SqliteParameter("$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
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
        using var keys = entryKeys.GetEnumerator();
        var more = keys.MoveNext();
        while (more)
        {
            for (var slot = 1; slot <= KeysPerLookup; slot++)
            {
                hashes.Parameters[slot].Value = more ? keys.Current : DBNull.Value;
                more = more && keys.MoveNext();
            }

            using var reader = hashes.ExecuteReader();
            while (reader.Read())
                known[reader.GetString(0)] = reader.GetString(1);
        }
    }

    public void Dispose()
    {
        health.Dispose();
        hashes.Dispose();
        connection.Dispose();
    }
}
