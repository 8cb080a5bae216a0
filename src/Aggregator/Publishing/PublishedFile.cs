namespace Aggregator.Publishing;

/// <summary>One published document: the exact bytes that go on disk and over HTTP.</summary>
/// <param name="Path">Relative path with forward slashes, e.g. <c>feeds/all.atom</c>.</param>
/// <param name="Content">The bytes (UTF-8, no BOM).</param>
/// <param name="ContentType">The HTTP Content-Type, charset included.</param>
/// <param name="LastModified">
/// The newest data time the content derives from, or null when it derives from no dated data
/// (a server then uses the time it first saw these bytes). Never the wall clock.
/// </param>
internal sealed record PublishedFile(string Path, byte[] Content, string ContentType, DateTimeOffset? LastModified);
