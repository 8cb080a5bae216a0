using System.Globalization;
using System.Text;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Spreads sources that share a cron expression over a window, so a thousand sources on
/// "0 */5 * * * ?" do not all fire at second 0. Quartz cannot add an offset to a cron trigger (StartAt
/// only delays the first fire), so the offset is written into the cron's seconds field: a fixed
/// second N becomes (N + offset) mod 60, a step "N/S" becomes "((N + offset) mod S)/S". Other
/// seconds fields (lists, ranges, every second) are left as written. The offset is a stable hash of
/// the source id, the same on every start and machine, within min(max jitter, half the interval).
/// </summary>
internal static class ScheduleJitter
{
    // Any fixed instant: the interval of a cron is measured here so the result never depends on "now".
    private static readonly DateTimeOffset Reference = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The cron expression with this source's offset applied to its seconds field.</summary>
    public static string Apply(string cron, string sourceId, TimeSpan maxJitter)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6)
            return cron;
        var offset = OffsetSeconds(sourceId, Window(cron, maxJitter));
        if (offset == 0)
            return cron;

        var seconds = fields[0];
        if (int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var second))
            fields[0] = ((second + offset) % 60).ToString(CultureInfo.InvariantCulture);
        else if (Step(seconds) is { } step)
            fields[0] = $"{(step.Start + offset) % step.Every}/{step.Every}";
        else
            return cron;
        return string.Join(' ', fields);
    }

    /// <summary>Whole seconds a source may be shifted by: min(max jitter, half the cron's interval).</summary>
    public static int Window(string cron, TimeSpan maxJitter)
    {
        if (!CronExpression.IsValidExpression(cron))
            return 0;
        var expression = new CronExpression(cron) { TimeZone = TimeZoneInfo.Utc };
        var first = expression.GetTimeAfter(Reference);
        var second = first is { } f ? expression.GetTimeAfter(f) : null;
        if (first is null || second is null)
            return 0;
        var half = (second.Value - first.Value) / 2;
        return (int)Math.Floor((half < maxJitter ? half : maxJitter).TotalSeconds);
    }

    /// <summary>A stable value in [0, window) for a source id (FNV-1a of its UTF-8 bytes).</summary>
    public static int OffsetSeconds(string sourceId, int window)
    {
        if (window <= 1)
            return 0;
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(sourceId))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return (int)(hash % (ulong)window);
    }

    private static (int Start, int Every)? Step(string field)
    {
        var parts = field.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var every) || every <= 0)
            return null;
        if (parts[0] == "*")
            return (0, every);
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? (start, every) : null;
    }
}
