namespace Aggregator.Storage.Postgres;

/// <summary>The article a source's entry belongs to, as Dapper reads it (a class, not a tuple: Dapper.AOT 1.1.0 does not generate readers for tuples).</summary>
internal sealed class EntryMatchRow
{
    public long Seq { get; set; }
    public string Hash { get; set; } = "";

    /// <summary>Whether the entry is the article's canonical copy.</summary>
    public bool Canonical { get; set; }
}
