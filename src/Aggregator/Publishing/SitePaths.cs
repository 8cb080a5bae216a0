namespace Aggregator.Publishing;

/// <summary>The published paths (the same on disk under --out and over HTTP) and their absolute URLs.</summary>
internal static class SitePaths
{
    public const string Index = "index.html";
    public const string Opml = "sources.opml";
    public const string AllSlug = "all";

    /// <summary>The subscription document of a feed: <c>feeds/&lt;slug&gt;.atom</c>.</summary>
    public static string Feed(string slug) => $"feeds/{slug}.atom";

    /// <summary>Page k (k ≥ 1) of a feed; page 1 is the subscription document itself.</summary>
    public static string FeedPage(string slug, int page) =>
        page <= 1 ? Feed(slug) : $"feeds/{slug}/page-{page}.atom";

    /// <summary>The absolute URL of a published path under the site's base URL.</summary>
    public static Uri Absolute(Uri baseUrl, string path) => new(EnsureSlash(baseUrl), path);

    /// <summary>The base URL with a trailing slash, so relative paths resolve under it rather than beside it.</summary>
    public static Uri EnsureSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
