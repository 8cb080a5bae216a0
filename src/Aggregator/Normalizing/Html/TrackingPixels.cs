using System.Globalization;

namespace Aggregator.Normalizing.Html;

/// <summary>Images that exist to count readers, not to be seen: 1×1 pixels and known tracker hosts.</summary>
internal static class TrackingPixels
{
    /// <summary>Host names (or their parents) that only serve counters and beacons.</summary>
    private static readonly string[] Hosts =
    [
        "pixel.wp.com", "stats.wordpress.com", "pixel.quantserve.com", "sb.scorecardresearch.com", "www.google-analytics.com",
        "google-analytics.com", "ad.doubleclick.net", "pixel.feedblitz.com", "rc.feedsportal.com", "pi.feedsportal.com",
        "da.feedsportal.com", "hm.baidu.com", "c.cnzz.com", "s.cnzz.com", "cnzz.com", "c.statcounter.com", "feeds.feedblitz.com",
        "mf.feeds.reuters.com", "pixel.mathtag.com", "bat.bing.com", "beacon.krxd.net",
    ];

    /// <summary>Paths on a host that serves real content too (FeedBurner's counters and ad flares).</summary>
    private static readonly string[] PathPrefixes = ["feeds.feedburner.com/~r/", "feeds.feedburner.com/~ff/", "feedproxy.google.com/~r/"];

    public static bool IsTracker(Uri source)
    {
        string host;
        try
        {
            host = source.IdnHost;
        }
        catch (UriFormatException)
        {
            // A host no resolver accepts (invalid IDN): the image cannot load, so it is dropped like a pixel.
            return true;
        }

        if (host.StartsWith("stats.", StringComparison.OrdinalIgnoreCase) || host.StartsWith("pixel.", StringComparison.OrdinalIgnoreCase))
            return true;
        foreach (var tracker in Hosts)
        {
            // The host itself or a sub-domain of it (".tracker" at the end), compared in place.
            if (host.EndsWith(tracker, StringComparison.OrdinalIgnoreCase)
                && (host.Length == tracker.Length || host[host.Length - tracker.Length - 1] == '.'))
                return true;
        }

        foreach (var prefix in PathPrefixes)
        {
            // A host holds no '/': "host/path…" matches when the host is the prefix's and the path starts with the rest.
            var slash = prefix.IndexOf('/', StringComparison.Ordinal);
            if (host.AsSpan().Equals(prefix.AsSpan(0, slash), StringComparison.OrdinalIgnoreCase)
                && source.AbsolutePath.StartsWith(prefix.AsSpan(slash), StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary>True for a width or height attribute of at most one pixel ("1", "0", "1px").</summary>
    public static bool IsPixelSize(string? dimension)
    {
        if (string.IsNullOrWhiteSpace(dimension))
            return false;
        var digits = dimension.AsSpan().Trim();
        var end = 0;
        while (end < digits.Length && (char.IsAsciiDigit(digits[end]) || digits[end] == '.'))
            end++;
        return end > 0
            && double.TryParse(digits[..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value <= 1
            && !digits[end..].StartsWith("%");
    }
}
