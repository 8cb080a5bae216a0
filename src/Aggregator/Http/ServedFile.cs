using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>
/// A published file kept in memory for HTTP (a first page, index.html, sources.opml): its three
/// encodings and the headers they share. The compressed encodings are made on first use;
/// <see cref="ServedSite"/> forces them when it prepares the file, so a reader's first request after
/// a publish waits for no compressor. While `serve` is idle (<see cref="ReleaseIdle"/>) only the
/// gzip bytes are kept, what most feed readers ask for: the identity bytes are the largest and the
/// least asked for, and the br bytes are made again cheaply (quality <see cref="HttpOptions.BrotliQuality"/>,
/// deterministic, so the same bytes under the same ETag). Over 1,000,000 articles the first pages'
/// identity and br bytes were ~55 MB of the idle daemon's resident memory.
/// </summary>
internal sealed class ServedFile
{
    private readonly Lock compressing = new();
    private readonly int brotliQuality;
    private readonly int identityLength;
    // Invariant: the identity bytes are held until the gzip bytes exist, and the gzip bytes are never let go.
    private volatile ServedVariant? identity;
    private volatile ServedVariant? gzip;
    private volatile ServedVariant? brotli;

    public ServedFile(string path, string contentType, string hash, DateTimeOffset lastModified, byte[] identity, int brotliQuality)
    {
        Path = path;
        ContentType = contentType;
        Hash = hash;
        // HTTP dates have whole seconds; If-Modified-Since compares against what was sent.
        LastModified = new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        LastModifiedText = LastModified.ToString("r", CultureInfo.InvariantCulture);
        this.identity = new ServedVariant(identity, $"\"{hash}\"", null);
        identityLength = identity.Length;
        this.brotliQuality = brotliQuality;
        Kind = KindOf(path);
    }

    public string Path { get; }

    public StringValues ContentType { get; }

    /// <summary>Hex of the SHA-256 of the identity bytes: equal hashes mean equal files across publishes.</summary>
    public string Hash { get; }

    public DateTimeOffset LastModified { get; }

    public StringValues LastModifiedText { get; }

    /// <summary>The identity bytes, decompressed from the gzip bytes again when they were let go while idle.</summary>
    public ServedVariant Identity => identity ?? RestoreIdentity();

    public ServedVariant Gzip => gzip ?? MakeGzip();

    /// <summary>The br bytes, compressed again when they were let go while idle.</summary>
    public ServedVariant Brotli => brotli ?? MakeBrotli();

    /// <summary>Whether the identity bytes are held now (false after <see cref="ReleaseIdle"/> until asked for again).</summary>
    public bool HoldsIdentity => identity is not null;

    /// <summary>True while both compressed encodings are held (prepared eagerly, or asked for).</summary>
    public bool IsCompressed => gzip is not null && brotli is not null;

    public PathKind Kind { get; }

    public ServedVariant Variant(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => Brotli,
        ContentCoding.Gzip => Gzip,
        _ => Identity,
    };

    /// <summary>
    /// Lets go of the identity and br bytes, if the gzip bytes exist to make them again from. A
    /// request already writing them keeps its reference; one that comes after makes them again.
    /// Returns the bytes let go.
    /// </summary>
    public long ReleaseIdle()
    {
        if (gzip is null)
            return 0;
        long released = 0;
        lock (compressing)
        {
            if (identity is { } heldIdentity)
                released += heldIdentity.Body.Length;
            if (brotli is { } heldBrotli)
                released += heldBrotli.Body.Length;
            identity = null;
            brotli = null;
        }
        return released;
    }

    /// <summary>What a published path is, as the request counter labels it.</summary>
    public static PathKind KindOf(string path) =>
        path == Publishing.SitePaths.Index ? PathKind.Index
        : path == Publishing.SitePaths.Opml ? PathKind.Opml
        : path.Contains("/page-", StringComparison.Ordinal) ? PathKind.Page
        : path.EndsWith(".atom", StringComparison.Ordinal) ? PathKind.Feed
        : PathKind.Unknown;

    private ServedVariant RestoreIdentity()
    {
        lock (compressing)
            return identity ??= new ServedVariant(Decompressed(), $"\"{Hash}\"", null);
    }

    private ServedVariant MakeGzip()
    {
        lock (compressing)
            return gzip ??= new ServedVariant(ContentCompression.Gzip(identity!.Body), $"\"{Hash}-gz\"", "gzip");
    }

    private ServedVariant MakeBrotli()
    {
        lock (compressing)
            return brotli ??= new ServedVariant(ContentCompression.Brotli(identity?.Body ?? Decompressed(), brotliQuality), $"\"{Hash}-br\"", "br");
    }

    // Only called with the identity bytes let go, so with the gzip bytes held (the invariant above).
    private byte[] Decompressed() => ContentCompression.Gunzip(gzip!.Body, identityLength);
}
