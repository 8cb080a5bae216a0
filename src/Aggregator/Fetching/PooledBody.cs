using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Aggregator.Model;

namespace Aggregator.Fetching;

/// <summary>
/// Bodies read into arrays rented from the shared pool: a re-poll reads every document again, and an
/// exact-size array per document (most are over 85 KB, so on the large-object heap, zeroed, collected
/// only by full collections) cost more than the read itself. Only the poller, which alone holds a
/// payload until its poll ends, gives one back; a payload nobody releases is simply collected.
/// </summary>
internal static class PooledBody
{
    private static readonly ConditionalWeakTable<byte[], object> Rented = [];
    private static readonly object Mark = new();

    /// <summary>Rents an array of at least <paramref name="length"/> bytes, remembered as returnable.</summary>
    public static byte[] Rent(int length)
    {
        var array = ArrayPool<byte>.Shared.Rent(length);
        Rented.AddOrUpdate(array, Mark);
        return array;
    }

    /// <summary>Gives a pooled array back at once (a read that failed or was abandoned).</summary>
    public static void Return(byte[] array)
    {
        if (Rented.Remove(array))
            ArrayPool<byte>.Shared.Return(array);
    }

    /// <summary>
    /// Gives the payload's array back to the pool when it was rented here; nothing happens for any
    /// other payload, or a second time. The payload (and every span over it) must not be used after.
    /// </summary>
    public static void Release(FeedPayload? payload)
    {
        if (payload is not null && MemoryMarshal.TryGetArray(payload.Content, out var segment) && segment.Array is { } array)
            Return(array);
    }
}
