namespace Aggregator.Storage;

/// <summary>One report of an article by a source, as Dapper reads it (a class, not a tuple: Dapper.AOT 1.1.0 does not generate readers for tuples).</summary>
internal sealed class ReportRow
{
    public long Seq { get; set; }
    public string SourceId { get; set; } = "";
    public string SourceTitle { get; set; } = "";
    public string Link { get; set; } = "";
}
