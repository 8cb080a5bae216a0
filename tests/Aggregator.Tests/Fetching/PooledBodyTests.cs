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

    [Fact]
    public async Task ABodyReadPastItsFirstBufferKeepsEveryByteAndIsReleasable()
    {
        // No length hint: the first buffer (64 KiB) is outgrown and handed back on the way.
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31)).ToArray();

        var body = await BoundedBodyReader.ReadAsync(new MemoryStream(bytes), [], 1_000_000, null, CancellationToken.None);

        Assert.Equal(bytes, body.ToArray());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out var segment));
        PooledBody.Release(new FeedPayload(body, null, Location));
        // Released once: the pool may hand the array out again, and a second release changes nothing.
        PooledBody.Release(new FeedPayload(body, null, Location));
        Assert.True(segment.Array!.Length >= bytes.Length);
    }
}
