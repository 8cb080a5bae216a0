using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Http;

/// <summary>
/// The bytes of an archive page for one request: read from the file the publisher wrote (atomically,
/// so always a whole file), compressed when the request asks for it, and kept in a small cache
/// bounded by <see cref="HttpOptions.ArchivePageCacheBytes"/>. A file that is missing or unreadable
/// gives an error naming it, never an exception to the server; a file whose bytes are no longer the
/// published ones (a publish replaced it a moment before HTTP took the new site, or someone edited
/// it) is served as it is, with validators of its own bytes.
/// </summary>
internal sealed class ArchivePageReader(IOptions<HttpOptions> options, ILogger<ArchivePageReader> logger)
{
    private readonly BoundedByteCache cache = new(options.Value.ArchivePageCacheBytes);

    /// <summary>The values the cache holds now (compressed or identity bytes, keyed by their ETag).</summary>
    public BoundedByteCache Cache => cache;

    public async Task<ArchiveBody> ReadAsync(ArchivePage page, ContentCoding coding, CancellationToken cancellationToken)
    {
        var etag = ArchivePage.ETag(page.Hash, coding);
        // The ETag names the bytes (hash of the identity bytes and the encoding), so it is the key.
        if (cache.TryGet(etag, out var cached))
            return new ArchiveBody(cached, etag, page.LastModified, null);

        byte[] identity;
        try
        {
            identity = await File.ReadAllBytesAsync(page.FullPath, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail($"serve: the archive page '{page.Path}' is missing from the output folder ({page.FullPath}); it was deleted after it was published and is written again by the next publish.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail($"serve: the archive page '{page.Path}' could not be read from {page.FullPath}: {exception.Message}");
        }

        var lastModified = page.LastModified;
        var hash = ContentCompression.Hash(identity);
        var asPublished = string.Equals(hash, page.Hash, StringComparison.Ordinal);
        if (!asPublished)
        {
            etag = ArchivePage.ETag(hash, coding);
            var written = File.GetLastWriteTimeUtc(page.FullPath);
            lastModified = new DateTimeOffset(written.Ticks - (written.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }
        var body = coding switch
        {
            ContentCoding.Brotli => ContentCompression.Brotli(identity, options.Value.BrotliQuality),
            ContentCoding.Gzip => ContentCompression.Gzip(identity),
            _ => identity,
        };
        if (asPublished)
            cache.Add(etag, body);
        return new ArchiveBody(body, etag, lastModified, null);
    }

    private ArchiveBody Fail(string error)
    {
        logger.LogWarning("{Error}", error);
        return ArchiveBody.Failed(error);
    }
}
