using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>
/// An archive page (<c>feeds/&lt;slug&gt;/page-&lt;k&gt;.atom</c>) as HTTP knows it between requests:
/// where the publisher wrote it and its validators, not its bytes. Readers poll first pages; archive
/// pages are fetched rarely (a reader catching up), so their bytes are read from the published file
/// per request (<see cref="ArchivePageReader"/>) instead of being kept.
/// </summary>
internal sealed class ArchivePage
{
    public ArchivePage(string path, string fullPath, string contentType, string hash, long length, DateTimeOffset lastModified)
    {
        Path = path;
        FullPath = fullPath;
        ContentType = contentType;
        Hash = hash;
        Length = length;
        // HTTP dates have whole seconds; If-Modified-Since compares against what was sent.
        LastModified = new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        LastModifiedText = LastModified.ToString("r", CultureInfo.InvariantCulture);
    }

    /// <summary>The site path, e.g. <c>feeds/all/page-2.atom</c>.</summary>
    public string Path { get; }

    /// <summary>The file under the output folder the publisher wrote (never derived from a request).</summary>
    public string FullPath { get; }

    public StringValues ContentType { get; }

    /// <summary>Hex of the SHA-256 of the identity bytes, as for every served file.</summary>
    public string Hash { get; }

    /// <summary>The identity length the publisher wrote.</summary>
    public long Length { get; }

    public DateTimeOffset LastModified { get; }

    public StringValues LastModifiedText { get; }

    /// <summary>The strong ETag of one encoding, quotes included: the same values a file kept in memory gets.</summary>
    public static string ETag(string hash, ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => $"\"{hash}-br\"",
        ContentCoding.Gzip => $"\"{hash}-gz\"",
        _ => $"\"{hash}\"",
    };
}
