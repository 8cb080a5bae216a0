using System.Globalization;
using System.Xml;
using Aggregator.Configuration.Json;

namespace Aggregator.Configuration.Validation;

/// <summary>
/// Typed reads of located JSON values. Each read reports a problem naming the value's path and
/// returns null when the value is unusable, so the caller keeps going and finds the next problem.
/// </summary>
internal sealed class ValueReader(ProblemList problems)
{
    // Known keys already suggested for a misspelled key, per object: a missing "title" next to
    // "titel" is one mistake, reported once as the unknown key.
    private readonly HashSet<(LocatedValue Object, string Key)> _suggested = [];

    public ProblemList Problems => problems;

    /// <summary>True if <paramref name="value"/> is an object; otherwise reports it.</summary>
    public bool IsObject(LocatedValue value) => Expect(value, JsonKind.Object, "an object");

    /// <summary>True if <paramref name="value"/> is an array; otherwise reports it.</summary>
    public bool IsArray(LocatedValue value) => Expect(value, JsonKind.Array, "an array");

    /// <summary>Reports keys not in <paramref name="known"/> (with a suggestion) and keys written twice.</summary>
    public void CheckKeys(LocatedValue obj, IReadOnlyCollection<string> known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in obj.Members)
        {
            if (!seen.Add(member.Name))
            {
                problems.Add(member.NamePosition, $"duplicate key '{member.Name}' in {obj.DisplayPath}");
                continue;
            }
            if (known.Contains(member.Name))
                continue;
            var nearest = KeySuggester.Nearest(member.Name, known);
            if (nearest is not null)
                _suggested.Add((obj, nearest));
            var hint = nearest is null ? $"; known keys: {string.Join(", ", known)}" : $"; did you mean '{nearest}'?";
            problems.Add(member.NamePosition, $"unknown key '{member.Name}' in {obj.DisplayPath}{hint}");
        }
    }

    /// <summary>Reports keys written twice in a map whose keys are free (category names).</summary>
    public void CheckDuplicateKeys(LocatedValue obj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in obj.Members)
        {
            if (!seen.Add(member.Name))
                problems.Add(member.NamePosition, $"duplicate key '{member.Name}' in {obj.DisplayPath}");
        }
    }

    /// <summary>The value of a required key, or null after reporting it missing (at the object).</summary>
    public LocatedValue? Required(LocatedValue obj, string key)
    {
        var member = obj.Member(key);
        if (member is null && !_suggested.Contains((obj, key)))
            problems.Add(obj.Position, $"missing required key '{key}' in {obj.DisplayPath}");
        return member?.Value;
    }

    public string? String(LocatedValue value) => Expect(value, JsonKind.String, "a string") ? value.Text : null;

    /// <summary>A string that is not empty or only white space.</summary>
    public string? NonEmptyString(LocatedValue value)
    {
        var text = String(value);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(value.Position, $"{value.DisplayPath} must not be empty");
            return null;
        }
        return text;
    }

    public bool? Boolean(LocatedValue value) => Expect(value, JsonKind.Boolean, "true or false") ? value.Boolean : null;

    public int? Integer(LocatedValue value, int min, int max) => (int?)Long(value, min, max);

    public long? Long(LocatedValue value, long min, long max)
    {
        if (!Expect(value, JsonKind.Number, "an integer"))
            return null;
        if (!long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            problems.Add(value.Position, $"{value.DisplayPath} must be a whole number, not {value.Text}");
            return null;
        }
        if (number < min || number > max)
        {
            problems.Add(value.Position, $"{value.DisplayPath} must be between {min} and {max}, not {number}");
            return null;
        }
        return number;
    }

    /// <summary>A duration written "hh:mm:ss" (.NET TimeSpan) or ISO 8601 "PT20S", within a range.</summary>
    public TimeSpan? Duration(LocatedValue value, TimeSpan min, TimeSpan max)
    {
        var text = String(value);
        if (text is null)
            return null;
        if (!TryParseDuration(text, out var duration))
        {
            problems.Add(value.Position, $"{value.DisplayPath} '{text}' is not a duration; write \"00:00:20\" or \"PT20S\"");
            return null;
        }
        if (duration < min || duration > max)
        {
            problems.Add(value.Position, $"{value.DisplayPath} must be between {min:c} and {max:c}, not {duration:c}");
            return null;
        }
        return duration;
    }

    /// <summary>Parses "hh:mm:ss" / "d.hh:mm:ss" or ISO 8601 "PT5M"; nothing else (a bare "5" is ambiguous).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
            return TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out duration);
        if (!trimmed.StartsWith('P'))
            return false;
        try
        {
            duration = XmlConvert.ToTimeSpan(trimmed);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private bool Expect(LocatedValue value, JsonKind kind, string expected)
    {
        if (value.Kind == kind)
            return true;
        problems.Add(value.Position, $"{value.DisplayPath} must be {expected}, not {Describe(value.Kind)}");
        return false;
    }

    private static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "true/false",
        _ => "null",
    };
}
