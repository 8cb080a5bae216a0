namespace Aggregator.Http;

/// <summary>How `serve` hands out the published files.</summary>
internal sealed class HttpOptions
{
    /// <summary>The max-age of <c>Cache-Control: public, max-age=N</c> on published files.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 60;

    /// <summary>Brotli quality (0–11) of the prepared br bytes: paid once per changed file (an archive page's on its first request), never per request.</summary>
    public int BrotliQuality { get; set; } = 6;

    /// <summary>
    /// Plain GET/HEAD requests for published files are answered by a connection middleware that
    /// writes the prepared bytes to the socket without Kestrel's output pipe (see Direct/). Off:
    /// every request goes through Kestrel's HTTP layer and <see cref="PublishedFileEndpoint"/>.
    /// </summary>
    public bool DirectSend { get; set; } = true;

    /// <summary>
    /// Bytes of archive pages (read from their files, compressed for a request) kept for the next
    /// request of the same page; least recently used ones are dropped beyond this. 0 keeps none.
    /// </summary>
    public long ArchivePageCacheBytes { get; set; } = 4 * 1024 * 1024;
}
