namespace Aggregator.Model;

/// <summary>What one source's batch did to the store.</summary>
/// <param name="Added">New articles.</param>
/// <param name="Updated">Existing articles whose content changed.</param>
/// <param name="Unchanged">Entries already stored as they are (no write).</param>
/// <param name="Merged">Entries recognised as another source's story ("also reported by").</param>
/// <param name="Suppressed">Entries that match a tombstone (expired or deleted) and stay gone.</param>
internal sealed record IngestResult(int Added, int Updated, int Unchanged, int Merged, int Suppressed)
{
    public static IngestResult Empty { get; } = new(0, 0, 0, 0, 0);
    public bool ChangedAnything => Added + Updated + Merged > 0;
}
