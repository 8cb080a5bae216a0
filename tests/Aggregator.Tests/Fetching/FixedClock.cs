namespace Aggregator.Tests.Fetching;

/// <summary>A clock stopped at one instant; timers still run on real time, so timeouts behave normally.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
