namespace Aggregator.Model;

/// <summary>An image or enclosure the entry names, with where it was found (for the thumbnail precedence).</summary>
internal sealed record MediaReference(string Url, MediaKind Kind, string? MimeType = null, long? Length = null);

internal enum MediaKind
{
    MediaThumbnail,
    MediaContent,
    Enclosure,
    ItunesImage,
}
