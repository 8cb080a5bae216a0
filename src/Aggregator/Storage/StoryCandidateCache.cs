namespace Aggregator.Storage;

/// <summary>
/// The writer's copy of the story index entries it has read: per publication week and title anchor
/// (<see cref="ArticleKeys.TitleStart"/> or <see cref="ArticleKeys.TitleEnd"/>), every article's seq,
/// published time and fingerprint, ordered by published time. News repeats its anchors ("…快讯",
/// "…一图看懂"), so the level-3 candidates of most entries are a walk over a short list in memory
/// instead of two index range scans with the prefilter evaluated per entry inside SQLite (~70 us of
/// the ingest's CPU per entry in the corpus benchmark).
/// It is exactly what the story indexes hold for the groups it has loaded, because every change of
/// those columns goes through the writer: the store adds its inserts (<see cref="Add"/>), moves its
/// content replacements (<see cref="Remove"/> then <see cref="Add"/>), and clears it after deletes, a
/// failed transaction, or a commit by any other connection (PRAGMA data_version). Bounded: cleared
/// when it holds more than its capacity.
/// </summary>
internal sealed class StoryCandidateCache(int capacity)
{
    private readonly Dictionary<GroupKey, List<StoryIndexEntry>> groups = [];
    private int count;

    /// <summary>The entries of one group, or null when it is not loaded.</summary>
    public List<StoryIndexEntry>? Find(long bucket, bool end, string anchor) =>
        groups.GetValueOrDefault(new GroupKey(bucket, end, anchor));

    /// <summary>Keeps a group read from the story index (in published order).</summary>
    public void Load(long bucket, bool end, string anchor, List<StoryIndexEntry> entries)
    {
        if (count + entries.Count > capacity)
            Clear();
        groups[new GroupKey(bucket, end, anchor)] = entries;
        count += entries.Count;
    }

    /// <summary>Adds a written article to its two groups where they are loaded.</summary>
    public void Add(long seq, long published, string titleStart, string titleEnd, long fingerprint)
    {
        var bucket = ArticleKeys.StoryBucket(published);
        var entry = new StoryIndexEntry(seq, published, fingerprint);
        Insert(new GroupKey(bucket, false, titleStart), entry);
        Insert(new GroupKey(bucket, true, titleEnd), entry);
    }

    /// <summary>Removes an article from its two groups (with the values it was stored under) where they are loaded.</summary>
    public void Remove(long seq, long published, string titleStart, string titleEnd)
    {
        var bucket = ArticleKeys.StoryBucket(published);
        foreach (var key in new[] { new GroupKey(bucket, false, titleStart), new GroupKey(bucket, true, titleEnd) })
        {
            if (groups.TryGetValue(key, out var entries))
                count -= entries.RemoveAll(entry => entry.Seq == seq);
        }
    }

    public void Clear()
    {
        groups.Clear();
        count = 0;
    }

    private void Insert(GroupKey key, StoryIndexEntry entry)
    {
        if (!groups.TryGetValue(key, out var entries))
            return;
        // After the last entry published no later: the order of the index (published, then insertion).
        var index = entries.Count;
        while (index > 0 && entries[index - 1].Published > entry.Published)
            index--;
        entries.Insert(index, entry);
        count++;
    }

    private readonly record struct GroupKey(long Bucket, bool End, string Anchor);
}
