using Aggregator.Configuration.Json;

namespace Aggregator.Configuration.Validation;

/// <summary>Reads the settings keys shared by <c>defaults</c> and each source, over inherited values.</summary>
internal static class SourceSettingsReader
{
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);
    public const long MinMaxBytes = 1024;
    public const long MaxMaxBytes = 1024L * 1024 * 1024;
    public const int MaxPriority = 10_000;

    /// <summary>The settings of <paramref name="obj"/>: its own values where valid, else <paramref name="inherited"/>.</summary>
    public static SourceSettings Read(LocatedValue obj, SourceSettings inherited, ValueReader reader)
    {
        var result = inherited;
        foreach (var member in obj.Members)
        {
            var value = member.Value;
            result = member.Name switch
            {
                ConfigKeys.Schedule => ReadSchedule(value, reader) is { } cron ? result with { Schedule = cron } : result,
                ConfigKeys.Timeout => reader.Duration(value, MinTimeout, MaxTimeout) is { } timeout ? result with { Timeout = timeout } : result,
                ConfigKeys.TimeZone => ReadTimeZone(value, reader, out var zone) ? result with { TimeZone = zone } : result,
                ConfigKeys.UserAgent => ReadUserAgent(value, reader) is { } agent ? result with { UserAgent = agent } : result,
                ConfigKeys.Headers => ReadHeaders(value, reader) is { } headers ? result with { Headers = Merge(result.Headers, headers) } : result,
                ConfigKeys.MaxBytes => reader.Long(value, MinMaxBytes, MaxMaxBytes) is { } max ? result with { MaxBytes = max } : result,
                ConfigKeys.Comments => reader.Boolean(value) is { } comments ? result with { Comments = comments } : result,
                ConfigKeys.Priority => reader.Integer(value, 0, MaxPriority) is { } priority ? result with { Priority = priority } : result,
                ConfigKeys.IncludeEntryCategories => reader.Boolean(value) is { } include ? result with { IncludeEntryCategories = include } : result,
                _ => result,
            };
        }
        return result;
    }

    private static string? ReadSchedule(LocatedValue value, ValueReader reader)
    {
        var text = reader.NonEmptyString(value);
        if (text is null)
            return null;
        if (ScheduleRules.TryNormalize(text, out var cron, out var reason))
            return cron;
        reader.Problems.Add(value.Position, $"{value.Path} {reason}");
        return null;
    }

    /// <summary>null is allowed and means "infer from the feed", overriding a default zone.</summary>
    private static bool ReadTimeZone(LocatedValue value, ValueReader reader, out TimeZoneInfo? zone)
    {
        zone = null;
        if (value.Kind == JsonKind.Null)
            return true;
        var text = reader.NonEmptyString(value);
        if (text is null)
            return false;
        if (TimeZoneRules.TryFind(text, out zone, out var reason))
            return true;
        reader.Problems.Add(value.Position, $"{value.Path} {reason}");
        return false;
    }

    private static string? ReadUserAgent(LocatedValue value, ValueReader reader)
    {
        var text = reader.NonEmptyString(value);
        if (text is not null && !HeaderRules.IsValidValue(text))
        {
            reader.Problems.Add(value.Position, $"{value.Path} must not contain line breaks");
            return null;
        }
        return text;
    }

    private static Dictionary<string, string>? ReadHeaders(LocatedValue value, ValueReader reader)
    {
        if (!reader.IsObject(value))
            return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in value.Members)
        {
            if (!HeaderRules.IsValidName(member.Name))
            {
                reader.Problems.Add(member.NamePosition, $"'{member.Name}' in {value.Path} is not a valid HTTP header name");
                continue;
            }
            if (headers.ContainsKey(member.Name))
            {
                reader.Problems.Add(member.NamePosition, $"duplicate header '{member.Name}' in {value.Path}");
                continue;
            }
            var text = reader.String(member.Value);
            if (text is null)
                continue;
            if (!HeaderRules.IsValidValue(text))
            {
                reader.Problems.Add(member.Value.Position, $"{member.Value.Path} must not contain line breaks");
                continue;
            }
            headers[member.Name] = text;
        }
        return headers;
    }

    /// <summary>A source's headers add to the default ones; the source wins on the same name.</summary>
    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> inherited, Dictionary<string, string> own)
    {
        var merged = new Dictionary<string, string>(inherited, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in own)
            merged[name] = value;
        return merged;
    }
}
