using Aggregator.Http;
using Aggregator.Tests.Support;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Http;

public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void EveryRentIsAWholeBlockWhateverSizeWasAskedFor()
    {
        using var pool = new LargeBlockMemoryPool();
        foreach (var size in new[] { -1, 0, 1, 4096, LargeBlockMemoryPool.BlockSize })
        {
            using var block = pool.Rent(size);
            Assert.Equal(LargeBlockMemoryPool.BlockSize, block.Memory.Length);
        }
    }

    [Fact]
    public void ABlockGivenBackIsLentAgainInsteadOfANewOne()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent();
        first.Memory.Span[0] = 42;
        first.Dispose();
        using var second = pool.Rent();
        Assert.Same(first, second);
        Assert.Equal(42, second.Memory.Span[0]);
    }

    [Fact]
    public void BlocksLentAtTheSameTimeDoNotShareMemory()
    {
        using var pool = new LargeBlockMemoryPool();
        using var a = pool.Rent();
        using var b = pool.Rent();
        a.Memory.Span.Fill(1);
        b.Memory.Span.Fill(2);
        Assert.All(a.Memory.ToArray(), value => Assert.Equal(1, value));
    }

    [Fact]
    public void MoreThanABlockCannotBeRented()
    {
        using var pool = new LargeBlockMemoryPool();
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockSize + 1));
    }

    [Fact]
    public async Task TheServeHostGivesKestrelTheLargeBlockPool()
    {
        var server = new HttpServedSample();
        try
        {
            await server.InitializeAsync();
            var factory = server.Services.GetRequiredService<IMemoryPoolFactory<byte>>();
            Assert.IsType<LargeBlockMemoryPoolFactory>(factory);
            using var pool = factory.Create();
            Assert.IsType<LargeBlockMemoryPool>(pool);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
