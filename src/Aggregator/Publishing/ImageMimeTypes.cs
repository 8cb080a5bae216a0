namespace Aggregator.Publishing;

/// <summary>The media type of an image URL, guessed from its extension (an enclosure link must say one).</summary>
internal static class ImageMimeTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".jpe"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".svg"] = "image/svg+xml",
        [".bmp"] = "image/bmp",
        [".ico"] = "image/x-icon",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
    };

    /// <summary>The type for the URL's path extension; image/jpeg (the web's commonest) when unknown.</summary>
    public static string FromUrl(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        var extension = Path.GetExtension(path);
        return ByExtension.GetValueOrDefault(extension, "image/jpeg");
    }
}
