namespace Aggregator.Storage.Postgres;

/// <summary>Rows one transaction attempt wrote, added to the store's total only once it commits.</summary>
internal sealed class PostgresWriteCounter
{
    public long Rows { get; private set; }

    /// <summary>Whether what the feeds show changed, so every node must republish.</summary>
    public bool Notify { get; set; }

    public void Add(long rows) => Rows += rows;
}
