using System.Text.RegularExpressions;
using Aggregator.Configuration.Json;
using Aggregator.Model;

namespace Aggregator.Configuration.Validation;

/// <summary>Reads <c>sources[]</c>, applying <c>defaults</c> to what each source leaves out.</summary>
internal static partial class SourcesReader
{
    public const int MaxIdLength = 64;

    /// <summary>The valid sources; every category use is appended to <paramref name="categoryUses"/> in order.</summary>
    public static List<SourceDefinition> Read(LocatedValue root, SourceSettings defaults, string baseDirectory, ValueReader reader, List<CategoryUse> categoryUses)
    {
        var result = new List<SourceDefinition>();
        var sources = reader.Required(root, ConfigKeys.Sources);
        if (sources is null || !reader.IsArray(sources))
            return result;
        if (sources.Items.Count == 0)
            reader.Problems.Add(sources.Position, "sources is empty; list at least one source");

        var ids = new Dictionary<string, LocatedValue>(StringComparer.Ordinal);
        foreach (var source in sources.Items)
        {
            if (!reader.IsObject(source))
                continue;
            reader.CheckKeys(source, ConfigKeys.SourceKeys);
            var id = ReadId(source, reader, ids);
            var titleValue = reader.Required(source, ConfigKeys.Title);
            var title = titleValue is null ? null : reader.NonEmptyString(titleValue);
            var url = ReadUrl(source, baseDirectory, reader);
            var categories = ReadCategories(source, reader, categoryUses);
            var enabledValue = source.Member(ConfigKeys.Enabled)?.Value;
            var enabled = enabledValue is null ? true : reader.Boolean(enabledValue) ?? true;
            var settings = SourceSettingsReader.Read(source, defaults, reader);
            if (id is null || title is null || url is null || categories is null)
                continue;
            result.Add(new SourceDefinition
            {
                Id = id,
                Title = title,
                Url = url,
                Categories = categories,
                Schedule = settings.Schedule,
                Enabled = enabled,
                TimeZone = settings.TimeZone,
                Headers = settings.Headers,
                UserAgent = settings.UserAgent,
                Comments = settings.Comments,
                Priority = settings.Priority,
                Timeout = settings.Timeout,
                MaxBytes = settings.MaxBytes,
                IncludeEntryCategories = settings.IncludeEntryCategories,
            });
        }
        return result;
    }

    private static string? ReadId(LocatedValue source, ValueReader reader, Dictionary<string, LocatedValue> ids)
    {
        var value = reader.Required(source, ConfigKeys.Id);
        var id = value is null ? null : reader.NonEmptyString(value);
        if (value is null || id is null)
            return null;
        if (id.Length > MaxIdLength || !IdPattern().IsMatch(id))
        {
            reader.Problems.Add(value.Position, $"{value.Path} '{id}' must be lower-case ASCII letters and digits joined by '-' or '_', at most {MaxIdLength} characters, e.g. 'stcn-yw'");
            return null;
        }
        if (ids.TryGetValue(id, out var first))
        {
            reader.Problems.Add(value.Position, $"duplicate source id '{id}' in {value.Path}; {first.Path} (line {first.Position.Line}) already uses it");
            return null;
        }
        ids.Add(id, value);
        return id;
    }

    private static Uri? ReadUrl(LocatedValue source, string baseDirectory, ValueReader reader)
    {
        var value = reader.Required(source, ConfigKeys.Url);
        var text = value is null ? null : reader.NonEmptyString(value);
        if (value is null || text is null)
            return null;
        if (UrlRules.TryParseSourceUrl(text, baseDirectory, out var url, out var reason))
            return url;
        reader.Problems.Add(value.Position, $"{value.Path} {reason}");
        return null;
    }

    private static List<string>? ReadCategories(LocatedValue source, ValueReader reader, List<CategoryUse> uses)
    {
        var value = reader.Required(source, ConfigKeys.Categories);
        if (value is null || !reader.IsArray(value))
            return null;
        if (value.Items.Count == 0)
        {
            reader.Problems.Add(value.Position, $"{value.Path} is empty; list at least one category");
            return null;
        }
        var names = new List<string>();
        var valid = true;
        foreach (var item in value.Items)
        {
            var name = reader.NonEmptyString(item);
            if (name is null)
            {
                valid = false;
                continue;
            }
            if (name.Trim().Length != name.Length)
            {
                reader.Problems.Add(item.Position, $"{item.Path} '{name}' starts or ends with white space");
                valid = false;
                continue;
            }
            if (names.Contains(name, StringComparer.Ordinal))
            {
                reader.Problems.Add(item.Position, $"{value.Path} lists '{name}' twice");
                valid = false;
                continue;
            }
            names.Add(name);
            if (!uses.Any(u => string.Equals(u.Name, name, StringComparison.Ordinal)))
                uses.Add(new CategoryUse(name, item.Position));
        }
        return valid ? names : null;
    }

    [GeneratedRegex("^[a-z0-9]+(?:[-_][a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
