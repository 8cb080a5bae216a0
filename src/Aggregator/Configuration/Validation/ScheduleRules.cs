using Quartz;

namespace Aggregator.Configuration.Validation;

/// <summary>
/// A schedule is a Quartz cron expression (seconds first) or a fixed interval ("PT5M",
/// "00:05:00"). Intervals are turned into the equivalent cron expression, so the rest of the
/// program only ever sees cron; hence an interval must divide an hour or a day evenly.
/// </summary>
internal static class ScheduleRules
{
    /// <summary>Turns <paramref name="text"/> into a Quartz cron expression, or says why it cannot.</summary>
    public static bool TryNormalize(string text, out string cron, out string reason)
    {
        cron = "";
        reason = "";
        var trimmed = text.Trim();
        if (trimmed.StartsWith('P') || (trimmed.Contains(':', StringComparison.Ordinal) && !trimmed.Contains(' ', StringComparison.Ordinal)))
            return TryInterval(trimmed, out cron, out reason);

        if (CronExpression.IsValidExpression(trimmed))
        {
            cron = trimmed;
            return true;
        }
        reason = $"'{text}' is not a valid Quartz cron expression: {QuartzReason(trimmed)}";
        if (trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5)
            reason += "; Quartz cron starts with seconds and needs '?' in day-of-month or day-of-week, e.g. '0 */5 * * * ?'";
        else if (reason.Contains("day-of-week AND a day-of-month", StringComparison.Ordinal))
            reason += "; put '?' in one of them, e.g. '0 0 12 * * ?' or '0 0 12 ? * MON'";
        return false;
    }

    private static string QuartzReason(string expression)
    {
        try
        {
            CronExpression.ValidateExpression(expression);
            return "rejected by Quartz";
        }
        catch (FormatException ex)
        {
            return ex.Message.TrimEnd('.');
        }
    }

    private static bool TryInterval(string text, out string cron, out string reason)
    {
        cron = "";
        reason = "";
        if (!ValueReader.TryParseDuration(text, out var interval))
        {
            reason = $"'{text}' is neither a Quartz cron expression nor an interval like \"PT5M\" or \"00:05:00\"";
            return false;
        }
        if (interval.Ticks % TimeSpan.TicksPerMinute != 0 || interval < TimeSpan.FromMinutes(1))
        {
            reason = $"interval '{text}' must be a whole number of minutes, at least one";
            return false;
        }
        var minutes = (int)Math.Min(interval.TotalMinutes, int.MaxValue);
        if (minutes < 60 && 60 % minutes == 0)
        {
            cron = minutes == 1 ? "0 * * * * ?" : $"0 */{minutes} * * * ?";
            return true;
        }
        if (minutes % 60 == 0 && minutes <= 24 * 60 && 24 * 60 % minutes == 0)
        {
            var hours = minutes / 60;
            cron = hours switch { 1 => "0 0 * * * ?", 24 => "0 0 0 * * ?", _ => $"0 0 */{hours} * * ?" };
            return true;
        }
        reason = $"interval '{text}' does not divide an hour or a day evenly (use 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 minutes, or 1, 2, 3, 4, 6, 8, 12 or 24 hours), or write a cron expression";
        return false;
    }
}
