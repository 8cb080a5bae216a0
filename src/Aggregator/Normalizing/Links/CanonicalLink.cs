using System.Text;

namespace Aggregator.Normalizing.Links;

/// <summary>
/// The canonical form of an article link: lower-case scheme and host (IDN as punycode), no default
/// port, no fragment, no tracking parameters (<see cref="TrackingParameters"/>); the other parameters
/// keep their order.
/// </summary>
internal static class CanonicalLink
{
    /// <summary>
    /// Canonical form of <paramref name="link"/>, resolved against <paramref name="baseUri"/> when relative;
    /// null when it is empty or not a URL. Absolute non-http(s) URIs (urn:, tag:) come back trimmed.
    /// </summary>
    public static string? Normalize(string? link, Uri? baseUri)
    {
        if (UrlResolver.Resolve(link, baseUri) is not { } uri)
            return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return uri.OriginalString.Trim();

        var builder = new StringBuilder(uri.OriginalString.Length);
        builder.Append(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0)
            builder.Append(uri.UserInfo).Append('@');
        builder.Append(Host(uri).ToLowerInvariant());
        if (!uri.IsDefaultPort)
            builder.Append(':').Append(uri.Port);
        builder.Append(uri.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped));
        AppendQuery(builder, uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped));
        return builder.ToString();
    }

    /// <summary>The punycode host; a host IDN rules refuse (hostile or broken feeds) is kept as written.</summary>
    private static string Host(Uri uri)
    {
        try
        {
            return uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return uri.Host;
        }
    }

    /// <summary>True when <paramref name="text"/> is an absolute http(s) URL (a guid that can serve as a link).</summary>
    public static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void AppendQuery(StringBuilder builder, string query)
    {
        var first = true;
        foreach (var range in query.AsSpan().Split('&'))
        {
            var pair = query.AsSpan(range);
            if (pair.IsEmpty)
                continue;
            var equals = pair.IndexOf('=');
            if (TrackingParameters.IsTracking(equals < 0 ? pair : pair[..equals]))
                continue;
            builder.Append(first ? '?' : '&').Append(pair);
            first = false;
        }
    }
}
