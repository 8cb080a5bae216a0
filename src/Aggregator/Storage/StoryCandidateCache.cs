using System.Runtime.InteropServices;

namespace Aggregator.Storage;

/// <summary>
/// The writer's copy of the level-3 candidates of the publication weeks it has read
/// (<see cref="ArticleKeys.StoryBucket"/>): per week, every article's seq, published time and
/// fingerprint, grouped by title anchor (<see cref="ArticleKeys.TitleStart"/> and
/// <see cref="ArticleKeys.TitleEnd"/>), each group ordered by published time. A week is loaded whole in
/// one range scan of the covering published index (schema 3: no story index of its own to write), so a
/// group missing from a loaded week is empty, not unknown.
/// It is exactly what the articles table holds for the weeks it has loaded, because every change of
/// those columns goes through the writer: the store adds its inserts (<see cref="Add"/>), moves its
/// content replacements (<see cref="Remove"/> then <see cref="Add"/>), and clears it after deletes, a
/// failed transaction, a commit by any other connection (PRAGMA data_version), or when the store
/// releases idle memory. Bounded: loading a week that would take it past its capacity drops the other
/// weeks first (the week being loaded is always kept whole).
/// </summary>
internal sealed class StoryCandidateCache(int capacity)
{
    private readonly Dictionary<long, Week> weeks = [];
    private int count;

    public bool IsLoaded(long bucket) => weeks.ContainsKey(bucket);

    /// <summary>Entries held in all loaded weeks (each article counts once).</summary>
    public int Count => count;

    /// <summary>
    /// The entries of one group published from <paramref name="from"/> to <paramref name="to"/> (both
    /// included), oldest first, or false when the week is not loaded (a loaded week without the group has
    /// none). Found by binary search, as a group is kept in published order: a group of templated titles
    /// holds hundreds of entries, most of them outside an entry's window. The span is valid until the cache
    /// next changes.
    /// </summary>
    public bool TryFind(long bucket, bool end, string anchor, long from, long to, out ReadOnlySpan<StoryIndexEntry> entries)
    {
        entries = [];
        if (!weeks.TryGetValue(bucket, out var week))
            return false;
        if ((end ? week.Ends : week.Starts).TryGetValue(anchor, out var group))
        {
            var all = CollectionsMarshal.AsSpan(group);
            var first = PublishedBefore(all, from, orAt: false);
            var last = PublishedBefore(all, to, orAt: true);
            entries = last > first ? all[first..last] : []; // an empty window (to before from) holds nothing
        }

        return true;
    }

    /// <summary>Keeps a whole week as read from the published index, in published order.</summary>
    public void Load(long bucket, IReadOnlyList<(StoryIndexEntry Entry, string Start, string End)> rows)
    {
        if (count + rows.Count > capacity)
            Clear();
        var week = new Week();
        foreach (var (entry, start, end) in rows)
        {
            Append(week.Starts, start, entry);
            Append(week.Ends, end, entry);
        }

        weeks[bucket] = week;
        count += rows.Count;
    }

    /// <summary>Adds a written article to its two groups where its week is loaded.</summary>
    public void Add(long seq, long published, string titleStart, string titleEnd, long fingerprint)
    {
        if (!weeks.TryGetValue(ArticleKeys.StoryBucket(published), out var week))
            return;
        var entry = new StoryIndexEntry(seq, published, fingerprint);
        Insert(week.Starts, titleStart, entry);
        Insert(week.Ends, titleEnd, entry);
        count++;
    }

    /// <summary>Removes an article from its two groups (with the values it was stored under) where its week is loaded.</summary>
    public void Remove(long seq, long published, string titleStart, string titleEnd)
    {
        if (!weeks.TryGetValue(ArticleKeys.StoryBucket(published), out var week))
            return;
        var removed = week.Starts.TryGetValue(titleStart, out var starts) ? starts.RemoveAll(entry => entry.Seq == seq) : 0;
        if (week.Ends.TryGetValue(titleEnd, out var ends))
            ends.RemoveAll(entry => entry.Seq == seq);
        count -= removed;
    }

    public void Clear()
    {
        weeks.Clear();
        count = 0;
    }

    /// <summary>How many entries of the group were published before <paramref name="published"/> (or at it, with <paramref name="orAt"/>).</summary>
    private static int PublishedBefore(ReadOnlySpan<StoryIndexEntry> group, long published, bool orAt)
    {
        int low = 0, high = group.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var entry = group[middle].Published;
            if (entry < published || (orAt && entry == published))
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }

    private static void Append(Dictionary<string, List<StoryIndexEntry>> groups, string anchor, StoryIndexEntry entry)
    {
        if (!groups.TryGetValue(anchor, out var entries))
            groups[anchor] = entries = new List<StoryIndexEntry>(1);
        entries.Add(entry);
    }

    private static void Insert(Dictionary<string, List<StoryIndexEntry>> groups, string anchor, StoryIndexEntry entry)
    {
        if (!groups.TryGetValue(anchor, out var entries))
        {
            groups[anchor] = [entry];
            return;
        }

        // After the last entry published no later: the order of the index (published, then seq).
        var index = entries.Count;
        while (index > 0 && entries[index - 1].Published > entry.Published)
            index--;
        entries.Insert(index, entry);
    }

    private sealed class Week
    {
        public Dictionary<string, List<StoryIndexEntry>> Starts { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<StoryIndexEntry>> Ends { get; } = new(StringComparer.Ordinal);
    }
}
