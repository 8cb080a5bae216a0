using Aggregator.Http;
using Aggregator.Model;

namespace Aggregator.Tests.Http;

public sealed class HealthStatusTests
{
    private static readonly SourceHealth Fine = new() { SourceId = "a", ConsecutiveFailures = 0 };
    private static readonly SourceHealth Failed = new() { SourceId = "b", ConsecutiveFailures = 2, LastError = "fetch: HTTP 500" };
    private static readonly SourceHealth Paused = new() { SourceId = "c", Paused = true };
    private static readonly SourceHealth NeverPolled = SourceHealth.Unknown("d");

    [Fact]
    public void EverySourceFineOrNotYetPolledIsOk() => Assert.Equal("ok", HealthStatus.Of([Fine, NeverPolled], null));

    [Fact]
    public void SomeFailingSourcesAreDegraded() => Assert.Equal("degraded", HealthStatus.Of([Fine, Failed], null));

    [Fact]
    public void EveryEnabledSourceFailingOrPausedIsFailing() => Assert.Equal("failing", HealthStatus.Of([Failed, Paused], null));

    [Fact]
    public void ARefusedConfigurationReloadIsDegraded() => Assert.Equal("degraded", HealthStatus.Of([Fine], "feeds.json:3:1: bad"));

    [Fact]
    public void NoEnabledSourceIsOk() => Assert.Equal("ok", HealthStatus.Of([], null));
}
