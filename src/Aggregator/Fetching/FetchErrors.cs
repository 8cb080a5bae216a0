using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.WebUtilities;
using Polly.Timeout;

namespace Aggregator.Fetching;

/// <summary>Turns what went wrong into the one readable sentence the source's health shows the admin.</summary>
internal static class FetchErrors
{
    public static string TimedOut(TimeSpan timeout) => $"fetch: timed out after {FormatDuration(timeout)}";

    public static string HttpStatus(int status, string? reasonPhrase)
    {
        var reason = ReasonPhrases.GetReasonPhrase(status);
        if (reason.Length == 0)
            reason = reasonPhrase ?? "";
        return reason.Length == 0 ? $"fetch: HTTP {status}" : $"fetch: HTTP {status} {reason}";
    }

    /// <summary>Describes an exception thrown while talking to <paramref name="uri"/>.</summary>
    public static string Describe(Exception exception, Uri uri)
    {
        var socket = FindInner<SocketException>(exception);
        if (socket?.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            return "fetch: connection reset by the server";

        return exception switch
        {
            TimeoutRejectedException t => $"fetch: no response within {FormatDuration(t.Timeout)} (every attempt timed out)",
            HttpRequestException h => DescribeHttp(h, uri, socket),
            InvalidDataException => "fetch: the compressed body is corrupt",
            IOException => "fetch: the connection broke while reading the body",
            _ => $"fetch: {exception.GetType().Name}: {FirstLine(exception.Message)}",
        };
    }

    private static string DescribeHttp(HttpRequestException exception, Uri uri, SocketException? socket) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"fetch: DNS lookup failed for host {uri.Host}",
        HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.ConnectionRefused =>
            $"fetch: connection refused by {uri.Authority}",
        HttpRequestError.ConnectionError => $"fetch: could not connect to {uri.Authority}",
        HttpRequestError.SecureConnectionError => $"fetch: TLS handshake with {uri.Host} failed",
        HttpRequestError.ResponseEnded => "fetch: connection reset by the server",
        HttpRequestError.ConfigurationLimitExceeded => "fetch: the response headers exceed the size limit",
        HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => "fetch: the server sent an invalid HTTP response",
        HttpRequestError.ProxyTunnelError => $"fetch: the proxy refused to connect to {uri.Authority}",
        _ => $"fetch: {FirstLine(exception.Message)}",
    };

    /// <summary>"20 s", "1.5 s", or "250 ms".</summary>
    public static string FormatDuration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? $"{duration.TotalSeconds:0.#} s"
        : $"{duration.TotalMilliseconds:0} ms";

    private static T? FindInner<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
                return found;
        }

        return null;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.TrimEnd('.');
    }
}
