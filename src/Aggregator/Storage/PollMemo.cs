namespace Aggregator.Storage;

/// <summary>
/// What the store last read or wrote for each source's polls, kept in memory so that a re-poll of an
/// unchanged feed asks the database nothing: the source's health row (the health read before the
/// fetch, the read inside the health write) and the content hashes of the entry keys its last poll
/// asked about (<see cref="IArticleStore.GetKnownContentHashesAsync"/>). The store keeps it exactly in
/// step with the database (<see cref="SqliteArticleStore"/>'s memo part): every row its writer inserts,
/// updates or deletes in <c>article_entries</c> or <c>sources</c> drops that source's copy, and a commit by
/// any other connection (another process) drops everything.
/// </summary>
/// <remarks>
/// A copy read from the database is taken only if nothing dropped it while the read ran: each copy
/// carries a version taken before the read, and every drop moves the version on, so a read that raced
/// a write never leaves the older rows behind. Thread-safe.
/// Memory: the hashes are kept compact (<see cref="PollMemoHashes"/>: 52 bytes an entry key whatever
/// its length, measured over 40,000 keys; ~210 for a 26-character key kept as strings), so 1,000
/// sources of 40 entries hold ~2 MB and <see cref="Capacity"/> keys ~5 MB. Past that, a source's new
/// copy is not kept (its polls ask the database, as without the memo) rather than dropping others
/// that would be read back next tick.
/// </remarks>
internal sealed class PollMemo(int capacity = PollMemo.DefaultCapacity)
{
    /// <summary>Entry keys held across all sources: 1,000 sources of 100 entries.</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>A poll asking about more keys than this is a dump, not a feed: not kept.</summary>
    public const int MaxKeysPerSource = 2_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Slot> slots = new(StringComparer.Ordinal);
    private long versions;
    private int held;

    public int Capacity { get; } = capacity;

    /// <summary>Entry keys held now, across all sources.</summary>
    public int Held
    {
        get
        {
            lock (gate)
                return held;
        }
    }

    /// <summary>The version to hand back to <see cref="FillHealth"/>: take it before reading the database.</summary>
    public long HealthVersion(string sourceId)
    {
        lock (gate)
            return SlotOf(sourceId).HealthVersion;
    }

    /// <summary>The version to hand back to <see cref="FillHashes"/>: take it before reading the database.</summary>
    public long HashesVersion(string sourceId)
    {
        lock (gate)
            return SlotOf(sourceId).HashesVersion;
    }

    /// <summary>The source's health row as stored, when held.</summary>
    public HealthRow? Health(string sourceId)
    {
        lock (gate)
            return slots.TryGetValue(sourceId, out var slot) ? slot.Health : null;
    }

    /// <summary>Whether the stored title, url and priority of the source are these (its registration would change nothing).</summary>
    public bool Registered(string sourceId, string title, string url, long priority)
    {
        lock (gate)
            return slots.TryGetValue(sourceId, out var slot) && slot.Health is not null && slot.Definition == (title, url, priority);
    }

    /// <summary>Keeps a health row read from the database, unless something dropped the source's copy since <paramref name="version"/>.</summary>
    public void FillHealth(string sourceId, long version, HealthRow row)
    {
        lock (gate)
        {
            var slot = SlotOf(sourceId);
            if (slot.HealthVersion == version)
                slot.Health = row;
        }
    }

    /// <summary>
    /// Keeps the row the store's writer has just committed (with the registration it made sure of): the
    /// writer is the one that changes it, so no version is needed.
    /// </summary>
    public void SetHealth(string sourceId, HealthRow row, (string Title, string Url, long Priority) definition)
    {
        lock (gate)
        {
            var slot = SlotOf(sourceId);
            slot.Health = row;
            slot.Definition = definition;
        }
    }

    /// <summary>
    /// The stored hashes of <paramref name="entryKeys"/> when every one of them was asked about before
    /// (keys the store does not hold are absent from the answer, as from the database); null otherwise.
    /// </summary>
    public Dictionary<string, string>? Hashes(string sourceId, IReadOnlyCollection<string> entryKeys)
    {
        lock (gate)
            return slots.TryGetValue(sourceId, out var slot) && slot.Hashes is { } hashes ? hashes.Answer(entryKeys) : null;
    }

    /// <summary>
    /// Keeps what the database answered for <paramref name="entryKeys"/> (<paramref name="known"/>; the
    /// other keys are remembered as not stored), unless something dropped the source's copy since
    /// <paramref name="version"/>, or the copy cannot be kept (<see cref="PollMemoHashes.From"/>).
    /// </summary>
    public void FillHashes(string sourceId, long version, IReadOnlyCollection<string> entryKeys, IReadOnlyDictionary<string, string> known)
    {
        var hashes = entryKeys.Count <= MaxKeysPerSource ? PollMemoHashes.From(entryKeys, known) : null;
        lock (gate)
        {
            var slot = SlotOf(sourceId);
            if (slot.HashesVersion != version)
                return;
            held -= slot.Hashes?.Count ?? 0;
            slot.Hashes = null;
            if (hashes is null || held + hashes.Count > Capacity)
                return;
            slot.Hashes = hashes;
            held += hashes.Count;
        }
    }

    /// <summary>The source's entries changed in the database (or may have): drops its hashes and its health row (which counts them).</summary>
    public void EntriesChanged(string sourceId)
    {
        lock (gate)
        {
            var slot = SlotOf(sourceId);
            held -= slot.Hashes?.Count ?? 0;
            slot.Hashes = null;
            slot.HashesVersion = ++versions;
            DropHealth(slot);
        }
    }

    /// <summary>The source's row changed in the database (or may have): drops its health row.</summary>
    public void SourceChanged(string sourceId)
    {
        lock (gate)
            DropHealth(SlotOf(sourceId));
    }

    /// <summary>Anything may have changed (another connection committed): drops every copy.</summary>
    public void Clear()
    {
        lock (gate)
        {
            foreach (var slot in slots.Values)
            {
                slot.Hashes = null;
                slot.HashesVersion = ++versions;
                DropHealth(slot);
            }

            held = 0;
        }
    }

    private void DropHealth(Slot slot)
    {
        slot.Health = null;
        slot.Definition = null;
        slot.HealthVersion = ++versions;
    }

    private Slot SlotOf(string sourceId)
    {
        if (!slots.TryGetValue(sourceId, out var slot))
        {
            // A new slot starts at a version no read has seen, so a read begun before a Clear() cannot fill it.
            slot = new Slot { HealthVersion = ++versions, HashesVersion = ++versions };
            slots[sourceId] = slot;
        }

        return slot;
    }

    private sealed class Slot
    {
        public long HealthVersion;
        public long HashesVersion;
        public HealthRow? Health;
        public (string Title, string Url, long Priority)? Definition;
        public PollMemoHashes? Hashes;
    }
}
