namespace Aggregator.Storage;

/// <summary>One category of an article, as Dapper reads it (a class, not a tuple: Dapper.AOT 1.1.0 does not generate readers for tuples).</summary>
internal sealed class CategoryRow
{
    public long Seq { get; set; }
    public string Name { get; set; } = "";
}
