namespace Aggregator.Http.Direct;

/// <summary>What <see cref="RequestHeadParser"/> made of the bytes received so far.</summary>
internal enum ParseStatus
{
    /// <summary>No complete request head yet, and nothing that rules the request out so far.</summary>
    Incomplete,

    /// <summary>A complete request head the direct path may answer.</summary>
    Parsed,

    /// <summary>Anything else (another method or version, a body, an unusual header or target): Kestrel answers it.</summary>
    NotForUs,
}
