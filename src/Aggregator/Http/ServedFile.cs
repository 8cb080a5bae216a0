using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>A published file prepared for HTTP: its three encodings (the compressed ones possibly made on first demand) and the headers they share.</summary>
internal sealed class ServedFile
{
    private readonly Lazy<ServedVariant> gzip;
    private readonly Lazy<ServedVariant> brotli;

    public ServedFile(string path, string contentType, string hash, DateTimeOffset lastModified, ServedVariant identity, ServedVariant gzip, ServedVariant brotli)
        : this(path, contentType, hash, lastModified, identity, new Lazy<ServedVariant>(gzip), new Lazy<ServedVariant>(brotli))
    {
    }

    /// <summary>A file whose compressed encodings are made on first demand (once, whoever asks first waits).</summary>
    public ServedFile(string path, string contentType, string hash, DateTimeOffset lastModified, ServedVariant identity, Lazy<ServedVariant> gzip, Lazy<ServedVariant> brotli)
    {
        Path = path;
        ContentType = contentType;
        Hash = hash;
        // HTTP dates have whole seconds; If-Modified-Since compares against what was sent.
        LastModified = new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        LastModifiedText = LastModified.ToString("r", CultureInfo.InvariantCulture);
        Identity = identity;
        this.gzip = gzip;
        this.brotli = brotli;
        Kind = PathKindOf(path);
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

    public PathKind Kind { get; }

    public ServedVariant Variant(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => Brotli,
        ContentCoding.Gzip => Gzip,
        _ => Identity,
    };

    internal static PathKind PathKindOf(string path) =>
        path == Publishing.SitePaths.Index ? PathKind.Index
        : path == Publishing.SitePaths.Opml ? PathKind.Opml
        : path.Contains("/page-", StringComparison.Ordinal) ? PathKind.Page
        : path.EndsWith(".atom", StringComparison.Ordinal) ? PathKind.Feed
        : PathKind.Unknown;
}
