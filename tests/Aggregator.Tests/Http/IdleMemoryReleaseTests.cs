using Aggregator.Http;

namespace Aggregator.Tests.Http;

public sealed class IdleMemoryReleaseTests
{
    private const long MiB = 1L << 20;

    [Fact]
    public void MemoryIsReleasedOnceMuchWasAllocatedSinceTheLastReleaseAndTheLastIntervalWasQuiet() =>
        Assert.True(IdleMemoryRelease.ShouldRelease(atLastRelease: 0, atLastCheck: 500 * MiB, now: 501 * MiB, residentAfterLastRelease: 200 * MiB, residentNow: 200 * MiB, requestsInInterval: 0));

    [Fact]
    public void NothingIsReleasedWhileWorkIsStillAllocating() =>
        Assert.False(IdleMemoryRelease.ShouldRelease(atLastRelease: 0, atLastCheck: 400 * MiB, now: 500 * MiB, residentAfterLastRelease: 100 * MiB, residentNow: 300 * MiB, requestsInInterval: 0));

    [Fact]
    public void NothingIsReleasedWhenLittleWasAllocatedAndTheResidentSizeHardlyGrewSinceTheLastRelease() =>
        Assert.False(IdleMemoryRelease.ShouldRelease(atLastRelease: 100 * MiB, atLastCheck: 150 * MiB, now: 150 * MiB, residentAfterLastRelease: 180 * MiB, residentNow: 200 * MiB, requestsInInterval: 0));

    [Fact]
    public void MemoryIsReleasedWhenTheResidentSizeGrewMuchSinceTheLastReleaseThoughLittleWasAllocated() =>
        Assert.True(IdleMemoryRelease.ShouldRelease(atLastRelease: 100 * MiB, atLastCheck: 150 * MiB, now: 150 * MiB, residentAfterLastRelease: 180 * MiB, residentNow: 270 * MiB, requestsInInterval: 0));

    [Fact]
    public void AGrownResidentSizeIsNotReleasedWhileReadersAreBeingServed() =>
        Assert.False(IdleMemoryRelease.ShouldRelease(atLastRelease: 100 * MiB, atLastCheck: 150 * MiB, now: 150 * MiB, residentAfterLastRelease: 180 * MiB, residentNow: 270 * MiB, requestsInInterval: 5000));
}
