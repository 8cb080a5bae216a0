namespace Aggregator.Storage;

/// <summary>What a poll asks before normalizing: which of its entries the store already holds, and as what.</summary>
internal sealed partial class SqliteArticleStore
{
    public Task<IReadOnlyDictionary<string, string>> GetKnownContentHashesAsync(string sourceId, IReadOnlyCollection<string> entryKeys, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>(entryKeys.Count, StringComparer.Ordinal);
        if (entryKeys.Count == 0)
            return Task.FromResult<IReadOnlyDictionary<string, string>>(known);

        return pollReaders.ReadAsync<IReadOnlyDictionary<string, string>>(reader =>
        {
            reader.ReadHashes(sourceId, entryKeys, known);
            return known;
        }, cancellationToken);
    }
}
