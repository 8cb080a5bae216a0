namespace Aggregator.Http.Direct;

/// <summary>
/// The parts of a plain <c>GET</c>/<c>HEAD</c> request head the direct path needs, as slices of the
/// received bytes (valid until the connection's input is advanced). An absent header is empty.
/// </summary>
internal ref struct RequestHead
{
    /// <summary>Bytes of the whole head, the empty line included: what the request consumes.</summary>
    public int Length;

    public bool IsHead;

    /// <summary>The origin-form target: '/' followed by unreserved characters only, no query, no dot segment.</summary>
    public ReadOnlySpan<byte> Path;

    public ReadOnlySpan<byte> AcceptEncoding;

    public ReadOnlySpan<byte> IfNoneMatch;

    public ReadOnlySpan<byte> IfModifiedSince;
}
