namespace Aggregator.Http;

/// <summary>The encodings a published file is prepared in, in the server's order of preference.</summary>
internal enum ContentCoding
{
    Brotli,
    Gzip,
    Identity,
}
