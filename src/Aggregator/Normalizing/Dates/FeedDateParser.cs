namespace Aggregator.Normalizing.Dates;

/// <summary>
/// Reads a feed date in any of the forms feeds use (feedparser's formats plus Chinese site forms),
/// keeping the zone question open: see <see cref="DateZone"/> for how zone-less dates and <c>CST</c> are read.
/// </summary>
internal static class FeedDateParser
{
    /// <summary>The readers by the name feedparser's date vectors use, tried in this order.</summary>
    public static IReadOnlyList<(string Name, Reader Read)> Readers { get; } =
    [
        ("w3dtf", W3cDateReader.TryRead),
        ("rfc822", EnglishDateReader.TryRead),
        ("iso8601", Iso8601DateReader.TryRead),
        ("cjk", CjkDateReader.TryRead),
        ("european", EuropeanDateReader.TryRead),
    ];

    /// <summary>One date reader: true with the date when it recognises the whole text.</summary>
    public delegate bool Reader(string text, out FeedDate date);

    /// <summary>Reads <paramref name="text"/>; null when it is empty or no reader recognises it.</summary>
    public static FeedDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = Collapse(text.Trim());
        foreach (var (_, read) in Readers)
        {
            if (read(trimmed, out var date))
                return date;
        }

        return null;
    }

    /// <summary>Reads <paramref name="text"/> and resolves it in <paramref name="zone"/>; null when unreadable.</summary>
    public static DateTimeOffset? ParseUtc(string? text, DateZone zone) =>
        Parse(text) is { } date ? zone.Resolve(date) : null;

    // Feeds pad dates with runs of spaces, tabs and newlines ("Thu,  5 Apr", "28일  01:31").
    private static string Collapse(string text)
    {
        if (!text.Contains("  ", StringComparison.Ordinal) && !text.Contains('\t') && !text.Contains('\n') && !text.Contains('\r'))
            return text;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
