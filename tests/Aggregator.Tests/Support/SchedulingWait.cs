namespace Aggregator.Tests.Support;

/// <summary>Polling waits for the scheduling tests: generous timeouts, no fixed sleeps to assert on.</summary>
internal static class SchedulingWait
{
    /// <summary>Checks <paramref name="condition"/> every 100 ms; fails the test with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > limit)
                Assert.Fail($"Timed out waiting until {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Async variant, for conditions that ask the scheduler or the store.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > limit)
                Assert.Fail($"Timed out waiting until {what}");
            await Task.Delay(100);
        }
    }
}
