using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Aggregator.Http;

/// <summary>
/// If-None-Match and If-Modified-Since for GET and HEAD (RFC 9110 13.1.2, 13.1.3, 13.2.2): when
/// If-None-Match is present it alone decides (weak comparison); otherwise a valid If-Modified-Since
/// at or after Last-Modified means not modified. A date that does not parse is ignored.
/// </summary>
internal static class ConditionalRequest
{
    public static bool IsNotModified(StringValues ifNoneMatch, StringValues ifModifiedSince, ServedFile file, ServedVariant variant) =>
        IsNotModified(ifNoneMatch, ifModifiedSince, file.LastModified, variant.ETagText);

    /// <param name="lastModified">The representation's Last-Modified, in whole seconds.</param>
    /// <param name="etag">The representation's strong ETag, quotes included.</param>
    public static bool IsNotModified(StringValues ifNoneMatch, StringValues ifModifiedSince, DateTimeOffset lastModified, string etag)
    {
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            foreach (var value in ifNoneMatch)
            {
                if (Matches((value ?? string.Empty).AsSpan(), etag))
                    return true;
            }

            return false;
        }

        if (StringValues.IsNullOrEmpty(ifModifiedSince) || ifModifiedSince.Count != 1)
            return false;
        return IsNotModifiedSince(ifModifiedSince.ToString(), lastModified);
    }

    /// <summary>
    /// The same decision over single header values (the direct path's; an absent header is empty).
    /// Only an If-Modified-Since without If-None-Match allocates (the date is parsed from a string).
    /// </summary>
    public static bool IsNotModified(ReadOnlySpan<char> ifNoneMatch, ReadOnlySpan<char> ifModifiedSince, ServedFile file, ServedVariant variant)
    {
        if (!ifNoneMatch.IsEmpty)
            return Matches(ifNoneMatch, variant.ETagText);
        return !ifModifiedSince.IsEmpty && IsNotModifiedSince(ifModifiedSince.ToString(), file.LastModified);
    }

    private static bool IsNotModifiedSince(string ifModifiedSince, DateTimeOffset lastModified) =>
        HeaderUtilities.TryParseDate(ifModifiedSince, out var since) && lastModified <= since;

    private static bool Matches(ReadOnlySpan<char> value, string etag)
    {
        var rest = value;
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var tag = (comma < 0 ? rest : rest[..comma]).Trim();
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            if (tag is "*")
                return true;
            if (tag.StartsWith("W/", StringComparison.Ordinal))
                tag = tag[2..];
            if (tag.SequenceEqual(etag))
                return true;
        }

        return false;
    }
}
