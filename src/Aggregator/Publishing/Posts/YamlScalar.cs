namespace Aggregator.Publishing.Posts;

/// <summary>The two YAML scalar styles the seed's front matter uses: plain and single-quoted.</summary>
internal static class YamlScalar
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>Single-quoted, with <c>'</c> doubled (the only escape that style has).</summary>
    public static string Quoted(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>Plain when a YAML reader would read the same string back, else single-quoted.</summary>
    public static string PlainOrQuoted(string value) => NeedsQuotes(value) ? Quoted(value) : value;

    /// <summary>
    /// Conservative: quotes anything a plain scalar could turn into another type (bool, null, number,
    /// date) or another structure (indicator first, ": " or " #" inside, edge spaces).
    /// </summary>
    public static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            return true;
        if ("-?:,[]{}#&*!|>'\"%@`+.0123456789".Contains(value[0], StringComparison.Ordinal))
            return true;
        if (Reserved.Contains(value) || value.EndsWith(':'))
            return true;
        return value.Contains(": ", StringComparison.Ordinal)
            || value.Contains(" #", StringComparison.Ordinal)
            || value.Any(char.IsControl);
    }
}
