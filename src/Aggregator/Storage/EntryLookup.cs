using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// What the level-1, tombstone and level-2 lookups found for one entry: its stored article and hash
/// (level 1), whether this entry is the article's canonical copy, and, only when level 1 found
/// nothing, whether a tombstone suppresses it and which article owns its link (level 2).
/// </summary>
internal readonly record struct EntryLookup(long? Seq, string? Hash, bool IsCanonical, bool Tombstoned, long? Linked)
{
    /// <summary>Reads the lookup columns starting at <paramref name="first"/> (the order of IngestCommands.Lookup).</summary>
    public static EntryLookup Read(SqliteDataReader reader, int first)
    {
        if (!reader.IsDBNull(first))
            return new EntryLookup(reader.GetInt64(first), reader.GetString(first + 1), reader.GetInt64(first + 2) == 1, false, null);
        return new EntryLookup(null, null, false, reader.GetInt64(first + 3) == 1, reader.IsDBNull(first + 4) ? null : reader.GetInt64(first + 4));
    }
}
