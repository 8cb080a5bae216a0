namespace Aggregator.Storage.Postgres;

/// <summary>A stored article the story matcher compares an incoming one with (a class, not a tuple: Dapper.AOT 1.1.0 does not generate readers for tuples).</summary>
internal sealed class StoryCandidateRow
{
    public long Seq { get; set; }
    public string TitleKey { get; set; } = "";
    public long Fingerprint { get; set; }
    public long Published { get; set; }
}
