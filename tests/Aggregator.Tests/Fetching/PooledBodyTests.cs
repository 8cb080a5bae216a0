using Aggregator.Fetching;
using Aggregator.Model;

namespace Aggregator.Tests.Fetching;

public sealed class PooledBodyTests
{
    private static readonly Uri Location = new("file:///feeds/a.xml");

    [Fact]
    public void AReleasedBodyGoesBackToThePoolOnceAndOnlyIfItWasRentedThere()
    {
        var rented = PooledBody.Rent(100);
        var payload = new FeedPayload(rented.AsMemory(0, 10), null, Location);
        var other = new byte[100];

        PooledBody.Release(payload);
        PooledBody.Release(payload); // a second release must not return the array twice
        PooledBody.Release(new FeedPayload(other, null, Location));
        PooledBody.Release(null);

        // Returned once: the pool hands it out again, and only once.
        var again = new[] { System.Buffers.ArrayPool<byte>.Shared.Rent(100), System.Buffers.ArrayPool<byte>.Shared.Rent(100) };
        Assert.Equal(1, again.Count(a => ReferenceEquals(a, rented)));
        Assert.DoesNotContain(again, a => ReferenceEquals(a, other));
    }
}
