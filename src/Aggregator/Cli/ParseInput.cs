using Aggregator.Model;

namespace Aggregator.Cli;

/// <summary>One document given to `parse`: its bytes, or why there are none.</summary>
internal sealed record ParseInput(string Name, FeedPayload? Payload, string? Error)
{
    public static ParseInput FromFile(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            return new ParseInput(path, new FeedPayload(File.ReadAllBytes(full), null, new Uri(full)), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ParseInput(path, null, $"parse: cannot read {path}: {exception.Message}");
        }
    }

    /// <summary>A source for a document that is not in feeds.json: no categories, zone inferred unless given.</summary>
    public static SourceDefinition AdHocSource(Uri location, string? title = null, TimeZoneInfo? zone = null) => new()
    {
        Id = "adhoc",
        Title = string.IsNullOrWhiteSpace(title) ? location.Host is { Length: > 0 } host ? host : Path.GetFileName(location.LocalPath) : title,
        Url = location,
        Categories = [],
        Schedule = "0 0 * * * ?",
        TimeZone = zone,
    };
}
