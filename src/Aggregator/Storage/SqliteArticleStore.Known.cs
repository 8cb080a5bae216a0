namespace Aggregator.Storage;

/// <summary>What a poll asks before normalizing: which of its entries the store already holds, and as what.</summary>
internal sealed partial class SqliteArticleStore
{
    /// <summary>
    /// From the <see cref="PollMemo"/> when the source's last poll asked about the same keys and nothing
    /// changed its entries since (a re-poll of an unchanged feed); otherwise from the database.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> GetKnownContentHashesAsync(string sourceId, IReadOnlyCollection<string> entryKeys, CancellationToken cancellationToken)
    {
        if (entryKeys.Count == 0)
            return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal));
        if (MemoUsable() && memo.Hashes(sourceId, entryKeys) is { } remembered)
            return Task.FromResult<IReadOnlyDictionary<string, string>>(remembered);

        var version = memo.HashesVersion(sourceId);
        return pollReaders.ReadAsync<IReadOnlyDictionary<string, string>>(reader =>
        {
            var known = new Dictionary<string, string>(entryKeys.Count, StringComparer.Ordinal);
            reader.ReadHashes(sourceId, entryKeys, known);
            memo.FillHashes(sourceId, version, entryKeys, known);
            return known;
        }, cancellationToken);
    }
}
