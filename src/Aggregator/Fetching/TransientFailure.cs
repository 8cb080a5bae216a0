using System.Net;
using Polly;
using Polly.Timeout;

namespace Aggregator.Fetching;

/// <summary>Which outcomes of one attempt are worth retrying: only those the next attempt may well not repeat.</summary>
internal static class TransientFailure
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => true,
        // A missing host or an oversized header block will be just as wrong a second later.
        { Exception: HttpRequestException e } => e.HttpRequestError is not (HttpRequestError.NameResolutionError
            or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.SecureConnectionError),
        { Result: { } response } => IsTransient(response),
        _ => false,
    };

    private static bool IsTransient(HttpResponseMessage response)
    {
        var status = response.StatusCode;
        // A server that says when to come back is answered by waiting (Retry-After), not by retrying now.
        if (status == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
            return false;
        return status == HttpStatusCode.RequestTimeout
            || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);
    }
}
