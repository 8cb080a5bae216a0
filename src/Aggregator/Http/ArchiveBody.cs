namespace Aggregator.Http;

/// <summary>
/// What reading an archive page for one request gave: the body of the negotiated encoding with its
/// validators, or why there is none (<see cref="Error"/>, a sentence naming the page and the reason).
/// </summary>
internal sealed record ArchiveBody(byte[]? Body, string ETag, DateTimeOffset LastModified, string? Error)
{
    public static ArchiveBody Failed(string error) => new(null, string.Empty, default, error);
}
