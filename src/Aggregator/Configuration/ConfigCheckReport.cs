namespace Aggregator.Configuration;

/// <summary>What the <c>check</c> command prints: one line per problem in file order, or a one-line summary.</summary>
internal static class ConfigCheckReport
{
    /// <summary>The lines to print for <paramref name="result"/> of the file named <paramref name="displayName"/>.</summary>
    public static IReadOnlyList<string> Lines(ConfigLoadResult result, string displayName)
    {
        if (result.IsValid)
        {
            var settings = result.Settings!;
            var enabled = settings.Sources.Count(s => s.Enabled);
            return [$"{displayName}: ok, {settings.Sources.Count} sources ({enabled} enabled), {settings.Categories.Count} categories"];
        }
        var lines = result.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column).Select(p => p.ToString()).ToList();
        lines.Add($"{displayName}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}");
        return lines;
    }

    /// <summary>Writes <see cref="Lines"/> and returns the exit code: 0 when valid, 2 when not.</summary>
    public static int Write(ConfigLoadResult result, string displayName, TextWriter output)
    {
        foreach (var line in Lines(result, displayName))
            output.WriteLine(line);
        return result.IsValid ? 0 : 2;
    }
}
