using System.Text.RegularExpressions;

namespace Aggregator.Publishing.Atom;

/// <summary>
/// Feed-level atom:ids: RFC 4151 tag URIs from the base URL's host and the feed's slug, e.g.
/// <c>tag:news.example.org,2021:feeds/finance</c>. The date is the fixed literal 2021 (nothing is
/// derived from the clock), so an id never changes while the host and slug stay.
/// </summary>
internal static partial class FeedIdentity
{
    private const string TagDate = "2021";

    public static string FeedId(Uri baseUrl, string slug)
    {
        var host = baseUrl.IdnHost.ToLowerInvariant();
        var basePath = SitePaths.EnsureSlash(baseUrl).AbsolutePath.TrimStart('/');
        var specific = basePath + "feeds/" + slug;
        if (DnsName().IsMatch(host))
            return $"tag:{host},{TagDate}:{specific}";
        // An IPv6 literal (or anything else RFC 4151 cannot name) still needs a stable absolute id.
        return "urn:uuid:" + NameBasedUuid.Create(NameBasedUuid.EntryNamespace, $"feed:{host}/{specific}").ToString("D");
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")]
    private static partial Regex DnsName();
}
