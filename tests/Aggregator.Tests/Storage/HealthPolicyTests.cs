using Aggregator.Model;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public sealed class HealthPolicyTests
{
    private static readonly StorageOptions Options = new();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 360)]
    [InlineData(64, 360)]
    public void WhenFailuresAccumulateTheWaitDoublesUpToTheCap(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), HealthPolicy.Backoff(failures, Options));
    }

    [Fact]
    public void AFailureWithoutAMessageStillGetsAReadableSentence()
    {
        var next = HealthPolicy.Next(SourceHealth.Unknown("stcn"), new FetchOutcome { Status = FetchStatus.Failed, HttpStatus = 500 }, null, DateTimeOffset.UnixEpoch, Options);

        Assert.Equal("storage: the poll failed with HTTP status 500.", next.LastError);
    }
}
