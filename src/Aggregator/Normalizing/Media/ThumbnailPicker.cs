using Aggregator.Model;
using Aggregator.Normalizing.Html;
using Aggregator.Normalizing.Links;

namespace Aggregator.Normalizing.Media;

/// <summary>
/// The article model's thumbnail precedence: media:thumbnail, media:content/media:group image,
/// image enclosure, itunes:image, then the first image of the body; absolute, never a tracking pixel.
/// </summary>
internal static class ThumbnailPicker
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".svg"];
    private static readonly MediaKind[] Precedence = [MediaKind.MediaThumbnail, MediaKind.MediaContent, MediaKind.Enclosure, MediaKind.ItunesImage];

    public static string? Pick(IReadOnlyList<MediaReference> media, string? firstBodyImage, Uri? baseUri)
    {
        foreach (var kind in Precedence)
        {
            foreach (var reference in media)
            {
                if (reference.Kind != kind || !IsImage(reference))
                    continue;
                if (UrlResolver.Resolve(reference.Url, baseUri) is { } uri
                    && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    && !TrackingPixels.IsTracker(uri))
                    return uri.AbsoluteUri;
            }
        }

        return firstBodyImage;
    }

    /// <summary>Thumbnails and iTunes images are images by definition; the others need an image type or file name.</summary>
    private static bool IsImage(MediaReference reference)
    {
        if (reference.Kind is MediaKind.MediaThumbnail or MediaKind.ItunesImage)
            return true;
        if (!string.IsNullOrEmpty(reference.MimeType))
            return reference.MimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
        var path = reference.Url.AsSpan();
        var end = path.IndexOfAny('?', '#');
        if (end >= 0)
            path = path[..end];
        foreach (var extension in ImageExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
