using Aggregator.Http;

namespace Aggregator.Tests.Http;

public sealed class BoundedByteCacheTests
{
    [Fact]
    public void TheLeastRecentlyUsedValuesGoFirstAndTheTotalNeverExceedsTheCapacity()
    {
        var cache = new BoundedByteCache(100);
        cache.Add("a", new byte[40]);
        cache.Add("b", new byte[40]);
        Assert.True(cache.TryGet("a", out _));

        cache.Add("c", new byte[40]);

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(80, cache.Bytes);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void AValueLargerThanTheCapacityIsNotKeptAndEvictsNothing()
    {
        var cache = new BoundedByteCache(100);
        cache.Add("small", new byte[10]);

        cache.Add("huge", new byte[101]);

        Assert.False(cache.TryGet("huge", out _));
        Assert.True(cache.TryGet("small", out _));
        Assert.Equal(10, cache.Bytes);
    }

    [Fact]
    public void ReplacingAKeyCountsOnlyTheNewValue()
    {
        var cache = new BoundedByteCache(100);
        cache.Add("a", new byte[60]);
        cache.Add("a", new byte[30]);

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(30, value.Length);
        Assert.Equal(30, cache.Bytes);
    }

    [Fact]
    public void ZeroCapacityKeepsNothing()
    {
        var cache = new BoundedByteCache(0);
        cache.Add("a", new byte[1]);
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet("a", out _));
    }
}
