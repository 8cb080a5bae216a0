namespace Aggregator.Storage;

/// <summary>
/// A store that can hand back the memory it keeps for speed (page caches) while the daemon is idle.
/// `serve` asks when it goes quiet (Http's IdleMemoryRelease); the store fills its caches again on the
/// next reads, from the operating system's file cache.
/// </summary>
internal interface IReleasesIdleMemory
{
    /// <summary>
    /// Frees what the store's connections cache and is not in use. Never waits for a write in
    /// progress: a busy store is not idle, and what it holds is skipped until the next call.
    /// Returns the bytes SQLite (or the store's engine) had allocated before and after.
    /// </summary>
    (long Before, long After) ReleaseIdleMemory();
}
