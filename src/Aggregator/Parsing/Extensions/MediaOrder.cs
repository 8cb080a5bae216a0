using Aggregator.Model;

namespace Aggregator.Parsing.Extensions;

/// <summary>
/// Orders an entry's media for the thumbnail precedence: media:thumbnail, image media:content,
/// image enclosures, itunes:image; then the non-image media (audio, video) so enclosures are not lost.
/// The first element is therefore an image whenever the entry names one.
/// </summary>
internal static class MediaOrder
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg", ".avif"];

    public static IReadOnlyList<MediaReference> Build(
        List<MediaReference>? thumbnails,
        List<MediaReference>? contents,
        IEnumerable<MediaReference>? enclosures,
        string? itunesImage)
    {
        if (thumbnails is null && contents is null && enclosures is null && itunesImage is null)
        {
            return [];
        }

        var result = new List<MediaReference>();
        var others = new List<MediaReference>();
        AddAll(result, thumbnails, null);
        AddAll(result, contents, others);
        AddAll(result, enclosures, others);
        if (itunesImage is not null)
        {
            Add(result, new MediaReference(itunesImage, MediaKind.ItunesImage));
        }

        foreach (var other in others)
        {
            Add(result, other);
        }

        return result;
    }

    /// <summary>Image by declared type, else by the file extension of its path.</summary>
    public static bool IsImage(MediaReference media)
    {
        if (media.Kind is MediaKind.MediaThumbnail or MediaKind.ItunesImage)
        {
            return true;
        }

        if (!string.IsNullOrEmpty(media.MimeType))
        {
            return media.MimeType.StartsWith("image", StringComparison.OrdinalIgnoreCase);
        }

        var path = media.Url.AsSpan();
        var cut = path.IndexOfAny('?', '#');
        if (cut >= 0)
        {
            path = path[..cut];
        }

        foreach (var extension in ImageExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddAll(List<MediaReference> result, IEnumerable<MediaReference>? items, List<MediaReference>? others)
    {
        if (items is null)
        {
            return;
        }

        foreach (var item in items)
        {
            if (others is null || IsImage(item))
            {
                Add(result, item);
            }
            else
            {
                others.Add(item);
            }
        }
    }

    private static void Add(List<MediaReference> result, MediaReference item)
    {
        foreach (var existing in result)
        {
            if (existing.Url == item.Url)
            {
                return;
            }
        }

        result.Add(item);
    }
}
