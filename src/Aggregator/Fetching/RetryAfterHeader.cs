using System.Net.Http.Headers;

namespace Aggregator.Fetching;

/// <summary>Reads Retry-After (delta-seconds or an HTTP-date) as an absolute time.</summary>
internal static class RetryAfterHeader
{
    public static DateTimeOffset? Read(HttpResponseHeaders headers, DateTimeOffset now) => headers.RetryAfter switch
    {
        { Delta: { } delta } => now + (delta < TimeSpan.Zero ? TimeSpan.Zero : delta),
        { Date: { } date } => date.ToUniversalTime(),
        _ => null,
    };
}
