using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>
/// A published file kept in memory for HTTP (a first page, index.html, sources.opml): its three
/// encodings and the headers they share. The compressed encodings are made once, on first use;
/// <see cref="ServedSite"/> forces them when it prepares the file. The identity bytes, the largest
/// of the three (~4x the gzip bytes of a feed) and the least asked for (readers send
/// Accept-Encoding), can be let go while `serve` is idle (<see cref="ReleaseIdentity"/>): the next
/// request that needs them gets them back from the gzip bytes, which are the same content.
/// </summary>
internal sealed class ServedFile
{
    private readonly Lazy<ServedVariant> gzip;
    private readonly Lazy<ServedVariant> brotli;
    private readonly string identityETag;
    private readonly int identityLength;
    private volatile ServedVariant? identity;

    public ServedFile(string path, string contentType, string hash, DateTimeOffset lastModified, ServedVariant identity, Func<ServedVariant> gzip, Func<ServedVariant> brotli)
    {
        Path = path;
        ContentType = contentType;
        Hash = hash;
        // HTTP dates have whole seconds; If-Modified-Since compares against what was sent.
        LastModified = new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        LastModifiedText = LastModified.ToString("r", CultureInfo.InvariantCulture);
        this.identity = identity;
        identityETag = identity.ETagText;
        identityLength = identity.Body.Length;
        this.gzip = new Lazy<ServedVariant>(gzip, LazyThreadSafetyMode.ExecutionAndPublication);
        this.brotli = new Lazy<ServedVariant>(brotli, LazyThreadSafetyMode.ExecutionAndPublication);
        Kind = KindOf(path);
    }

    public string Path { get; }

    public StringValues ContentType { get; }

    /// <summary>Hex of the SHA-256 of the identity bytes: equal hashes mean equal files across publishes.</summary>
    public string Hash { get; }

    public DateTimeOffset LastModified { get; }

    public StringValues LastModifiedText { get; }

    /// <summary>The identity bytes, restored from the gzip bytes when they were released while idle.</summary>
    public ServedVariant Identity => identity ?? RestoreIdentity();

    /// <summary>Whether the identity bytes are held now (false after <see cref="ReleaseIdentity"/> until asked for again).</summary>
    public bool HoldsIdentity => identity is not null;

    public ServedVariant Gzip => gzip.Value;

    public ServedVariant Brotli => brotli.Value;

    /// <summary>True once both compressed encodings exist (prepared eagerly or asked for).</summary>
    public bool IsCompressed => gzip.IsValueCreated && brotli.IsValueCreated;

    public PathKind Kind { get; }

    /// <summary>
    /// Lets go of the identity bytes, if the gzip bytes exist to restore them from (made and kept:
    /// their factory, which holds the identity bytes too, is gone). A request already writing them
    /// keeps its reference; one that comes after restores them. Returns the bytes let go.
    /// </summary>
    public int ReleaseIdentity()
    {
        if (!gzip.IsValueCreated || identity is null)
            return 0;
        identity = null;
        return identityLength;
    }

    private ServedVariant RestoreIdentity()
    {
        // Two requests at once may both decompress; either result is the same bytes, and the last one is kept.
        var restored = new ServedVariant(ContentCompression.Gunzip(gzip.Value.Body, identityLength), identityETag, null);
        identity = restored;
        return restored;
    }

    public ServedVariant Variant(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => Brotli,
        ContentCoding.Gzip => Gzip,
        _ => Identity,
    };

    /// <summary>What a published path is, as the request counter labels it.</summary>
    public static PathKind KindOf(string path) =>
        path == Publishing.SitePaths.Index ? PathKind.Index
        : path == Publishing.SitePaths.Opml ? PathKind.Opml
        : path.Contains("/page-", StringComparison.Ordinal) ? PathKind.Page
        : path.EndsWith(".atom", StringComparison.Ordinal) ? PathKind.Feed
        : PathKind.Unknown;
}
