namespace Aggregator.Configuration.Validation;

/// <summary>Time zones are IANA ids ("Asia/Shanghai"); the system's zone database decides what exists.</summary>
internal static class TimeZoneRules
{
    public static bool TryFind(string id, out TimeZoneInfo? zone, out string reason)
    {
        zone = null;
        reason = "";
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            var nearest = KeySuggester.Nearest(id, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id));
            reason = nearest is null
                ? $"'{id}' is not a known time zone; use an IANA id such as 'Asia/Shanghai' or 'America/New_York'"
                : $"'{id}' is not a known time zone; did you mean '{nearest}'?";
            return false;
        }
    }
}
