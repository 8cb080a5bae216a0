namespace Aggregator.Normalizing.Links;

/// <summary>Makes URLs absolute against the first usable base (xml:base, then the entry link, then the feed location).</summary>
internal static class UrlResolver
{
    /// <summary>The first of <paramref name="candidates"/> that is (or resolves to) an absolute http(s) URL; null when none is.</summary>
    public static Uri? BaseFor(params ReadOnlySpan<string?> candidates)
    {
        Uri? resolved = null;
        // Later candidates are the fallback bases of earlier ones: a relative xml:base resolves against the entry link.
        for (var i = candidates.Length - 1; i >= 0; i--)
        {
            if (Resolve(candidates[i], resolved) is { } uri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                resolved = uri;
        }

        return resolved;
    }

    /// <summary><paramref name="url"/> as an absolute URI, resolved against <paramref name="baseUri"/> when relative; null when impossible.</summary>
    public static Uri? Resolve(string? url, Uri? baseUri)
    {
        var text = url?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        // A rooted path ("/news/1.html") parses as an absolute file URI on Unix: treat it as relative.
        if (text[0] != '/' && Uri.TryCreate(text, UriKind.Absolute, out var absolute))
            return absolute;
        if (baseUri is null)
            return null;
        if (text.StartsWith("//", StringComparison.Ordinal))
            return Uri.TryCreate(baseUri.Scheme + ":" + text, UriKind.Absolute, out var schemeRelative) ? schemeRelative : null;
        return Uri.TryCreate(baseUri, text, out var relative) ? relative : null;
    }
}
