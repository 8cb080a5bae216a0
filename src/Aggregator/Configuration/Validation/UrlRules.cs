namespace Aggregator.Configuration.Validation;

/// <summary>
/// Source URLs are absolute http(s) URLs, or file: URLs for offline samples. A file: URL without
/// "//" ("file:feeds/stcn.xml") is relative to the directory of feeds.json, so samples stay portable.
/// </summary>
internal static class UrlRules
{
    public static bool TryParseSourceUrl(string text, string baseDirectory, out Uri? url, out string reason)
    {
        url = null;
        reason = "";
        var trimmed = text.Trim();
        if (trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var relative = Uri.UnescapeDataString(trimmed["file:".Length..]);
            if (relative.Length == 0)
            {
                reason = $"'{text}' names no file";
                return false;
            }
            url = new Uri(Path.GetFullPath(Path.Combine(baseDirectory, relative)));
            return true;
        }
        // Checking the written prefix matters: on Unix "/rss.xml" parses as an implicit file URL.
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed)
            && (IsHttp(parsed) && parsed.Host.Length > 0 || parsed.Scheme == Uri.UriSchemeFile && trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            url = parsed;
            return true;
        }
        reason = $"'{text}' must be an absolute http:// or https:// URL, or a file: URL";
        return false;
    }

    /// <summary>The site's base URL: absolute http(s), no query or fragment, always ending with '/'.</summary>
    public static bool TryParseBaseUrl(string text, out Uri? url, out string reason)
    {
        url = null;
        reason = "";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || !IsHttp(parsed) || parsed.Host.Length == 0)
        {
            reason = $"'{text}' must be an absolute http:// or https:// URL";
            return false;
        }
        if (parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            reason = $"'{text}' must not have a query or fragment; published paths are appended to it";
            return false;
        }
        url = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        return true;
    }

    private static bool IsHttp(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;
}
