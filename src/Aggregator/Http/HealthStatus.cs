using Aggregator.Model;

namespace Aggregator.Http;

/// <summary>
/// The overall status of /health. A source is failing while its latest poll failed (or it is paused).
/// failing: every enabled source is failing (nothing new can arrive); degraded: some are, or the
/// latest feeds.json reload was refused; ok otherwise (sources not yet polled count as fine).
/// </summary>
internal static class HealthStatus
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";
    public const string Failing = "failing";

    public static string Of(IEnumerable<SourceHealth> enabledSources, string? configurationError)
    {
        int total = 0, failing = 0;
        foreach (var health in enabledSources)
        {
            total++;
            if (health.Paused || health.ConsecutiveFailures > 0)
                failing++;
        }

        if (total > 0 && failing == total)
            return Failing;
        return failing > 0 || configurationError is not null ? Degraded : Ok;
    }
}
