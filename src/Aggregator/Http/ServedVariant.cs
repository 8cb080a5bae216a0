using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>
/// One encoding of one file, ready to write: the bytes, and the header values as
/// <see cref="StringValues"/> built once, so a response allocates none of them.
/// </summary>
internal sealed class ServedVariant(byte[] body, string etag, string? contentEncoding)
{
    public byte[] Body { get; } = body;

    /// <summary>The strong ETag, quotes included; it differs per encoding (RFC 9110 8.8.3).</summary>
    public string ETagText { get; } = etag;

    public StringValues ETag { get; } = etag;

    public StringValues ContentEncoding { get; } = contentEncoding is null ? StringValues.Empty : new StringValues(contentEncoding);
}
