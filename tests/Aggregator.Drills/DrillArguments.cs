using System.Globalization;

namespace Aggregator.Drills;

/// <summary>`--name value` pairs after the drill's name; unknown names are usage errors.</summary>
internal sealed class DrillArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public DrillArguments(IReadOnlyList<string> args, params string[] known)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!known.Contains(name) || i + 1 >= args.Count)
                throw new ArgumentException($"drills: unknown option or missing value: {name}");
            values[name] = args[++i];
        }
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => values.GetValueOrDefault(name);
}
