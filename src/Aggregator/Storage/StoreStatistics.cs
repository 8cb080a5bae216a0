namespace Aggregator.Storage;

/// <summary>Counts of the store, for the CLI, health endpoints and benchmarks.</summary>
/// <param name="Articles">Stored articles (each story once).</param>
/// <param name="Entries">Source entries mapped onto them (one per source report).</param>
/// <param name="Tombstones">Keys that stay deleted.</param>
/// <param name="RowsWritten">Rows inserted, updated or deleted by this process since the store opened.</param>
/// <param name="DatabaseBytes">Size of the database file plus its write-ahead log.</param>
internal sealed record StoreStatistics(long Articles, long Entries, long Tombstones, long RowsWritten, long DatabaseBytes);
