namespace Aggregator.Model;

/// <summary>The raw bytes of a feed document, as the fetch stage (or a file) delivered them.</summary>
/// <param name="Content">The body, already decompressed; not yet decoded to text.</param>
/// <param name="ContentType">The HTTP Content-Type header, if any; its charset wins over the document's own (feedparser's rule).</param>
/// <param name="Location">Where the document came from (final URL after redirects, or a file URI): the base for relative links.</param>
internal sealed record FeedPayload(ReadOnlyMemory<byte> Content, string? ContentType, Uri Location);
