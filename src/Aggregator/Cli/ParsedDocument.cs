using Aggregator.Model;

namespace Aggregator.Cli;

/// <summary>
/// One document given to `parse`, parsed but not normalized: its feed, or why there is none. Holds no
/// reference to the bytes it was parsed from, so the read buffer can take the next file.
/// </summary>
/// <param name="Name">The file or URL as given.</param>
/// <param name="Location">Where the bytes came from (the base for relative links); null when there were none.</param>
/// <param name="Feed">The parsed feed; null when reading or parsing failed.</param>
/// <param name="Error">Why there is no feed.</param>
internal sealed record ParsedDocument(string Name, Uri? Location, ParsedFeed? Feed, string? Error);
