namespace Aggregator.Http;

/// <summary>
/// A least-recently-used set of byte arrays bounded by their total length: what `serve` keeps of the
/// archive pages it read or compressed for a request, so a reader paging through a feed (or a few
/// asking for the same page) does not cost a read and a compression each time, while memory stays
/// capped whatever is requested. A value larger than the whole capacity is not kept.
/// </summary>
internal sealed class BoundedByteCache(long capacityBytes)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Value)>> byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Value)> recency = new();
    private long bytes;

    public long CapacityBytes { get; } = Math.Max(0, capacityBytes);

    /// <summary>The total length of the values held; never above <see cref="CapacityBytes"/>.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
                return bytes;
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
                return byKey.Count;
        }
    }

    public bool TryGet(string key, out byte[] value)
    {
        lock (gate)
        {
            if (byKey.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = [];
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/>, dropping the least recently used values to make room.</summary>
    public void Add(string key, byte[] value)
    {
        if (value.Length > CapacityBytes)
            return;
        lock (gate)
        {
            if (byKey.Remove(key, out var existing))
            {
                recency.Remove(existing);
                bytes -= existing.Value.Value.Length;
            }
            while (bytes + value.Length > CapacityBytes && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                byKey.Remove(oldest.Value.Key);
                bytes -= oldest.Value.Value.Length;
            }
            byKey[key] = recency.AddFirst((key, value));
            bytes += value.Length;
        }
    }
}
