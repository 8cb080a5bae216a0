namespace Aggregator.Http.Direct;

/// <summary>What the direct path sends for one request: the head (in the connection's buffer) and, unless HEAD or 304, the prepared body.</summary>
internal readonly record struct DirectResponse(int HeadLength, byte[]? Body);
