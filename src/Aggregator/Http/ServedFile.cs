using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>
/// A published file kept in memory for HTTP (a first page, index.html, sources.opml): its three
/// encodings and the headers they share. The compressed encodings are made once, on first use;
/// <see cref="ServedSite"/> forces them when it prepares the file.
/// </summary>
internal sealed class ServedFile
{
    private readonly Lazy<ServedVariant> gzip;
    private readonly Lazy<ServedVariant> brotli;

    public ServedFile(string path, string contentType, string hash, DateTimeOffset lastModified, ServedVariant identity, Func<ServedVariant> gzip, Func<ServedVariant> brotli)
    {
        Path = path;
        ContentType = contentType;
        Hash = hash;
        // HTTP dates have whole seconds; If-Modified-Since compares against what was sent.
        LastModified = new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        LastModifiedText = LastModified.ToString("r", CultureInfo.InvariantCulture);
        Identity = identity;
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

    public ServedVariant Identity { get; }

    public ServedVariant Gzip => gzip.Value;

    public ServedVariant Brotli => brotli.Value;

    /// <summary>True once both compressed encodings exist (prepared eagerly or asked for).</summary>
    public bool IsCompressed => gzip.IsValueCreated && brotli.IsValueCreated;

    public PathKind Kind { get; }

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
