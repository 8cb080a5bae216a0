namespace Aggregator.Tests.Support;

/// <summary>The seed article (../shared/seed/000_abe74ac236356f83.txt): its front matter fields and its HTML body.</summary>
internal sealed record NormalizingSeed(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Categories, string Body)
{
    public static NormalizingSeed Load()
    {
        var text = File.ReadAllText(NormalizingPaths.Shared("seed", "000_abe74ac236356f83.txt"));
        var start = text.IndexOf("---\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n---\n", start + 4, StringComparison.Ordinal);
        var front = text[(start + 4)..end].Split('\n');
        // The body follows the closing "---" and one blank line.
        var body = text[(end + 5)..];
        if (body.StartsWith('\n'))
            body = body[1..];

        var fields = new Dictionary<string, string>();
        var categories = new List<string>();
        foreach (var line in front)
        {
            if (line.StartsWith(" - ", StringComparison.Ordinal))
            {
                categories.Add(line[3..].Trim());
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon > 0)
                fields[line[..colon]] = Unquote(line[(colon + 1)..].Trim());
        }

        return new NormalizingSeed(fields, categories, body);
    }

    // YAML single-quoted scalars double their quotes.
    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1].Replace("''", "'", StringComparison.Ordinal) : value;
}
