namespace Aggregator.Storage.Postgres;

/// <summary>An entry key and its content hash, as Dapper reads them (a class, not a tuple: Dapper.AOT 1.1.0 does not generate readers for tuples).</summary>
internal sealed class KnownHashRow
{
    public string Key { get; set; } = "";
    public string Hash { get; set; } = "";
}
