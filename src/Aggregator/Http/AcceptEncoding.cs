using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>
/// Accept-Encoding negotiation (RFC 9110 12.5.3) without allocating: the acceptable coding with the
/// highest q wins, ties go br, then gzip, then identity; q=0 excludes; identity is acceptable unless
/// excluded, but below any compression the client accepts. Malformed members are ignored.
/// </summary>
internal static class AcceptEncoding
{
    private const double Unset = -1;

    public static ContentCoding Choose(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header))
            return ContentCoding.Identity;

        var qualities = new Qualities();
        foreach (var value in header)
            qualities.Add((value ?? string.Empty).AsSpan());
        return qualities.Choose();
    }

    /// <summary>The same negotiation over one header value (the direct path's, decoded from the request bytes).</summary>
    public static ContentCoding Choose(ReadOnlySpan<char> header)
    {
        if (header.IsEmpty)
            return ContentCoding.Identity;

        var qualities = new Qualities();
        qualities.Add(header);
        return qualities.Choose();
    }

    private struct Qualities()
    {
        private double brotli = Unset, gzip = Unset, identity = Unset, any = Unset;

        public void Add(ReadOnlySpan<char> value)
        {
            var rest = value;
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var member = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                if (!TryParseMember(member, out var coding, out var quality))
                    continue;
                if (coding.Equals("br", StringComparison.OrdinalIgnoreCase))
                    brotli = quality;
                else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                    gzip = quality;
                else if (coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                    identity = quality;
                else if (coding is "*")
                    any = quality;
            }
        }

        public readonly ContentCoding Choose()
        {
            var br = brotli == Unset ? Math.Max(any, 0) : brotli;
            var gz = gzip == Unset ? Math.Max(any, 0) : gzip;
            // Unnamed identity stays acceptable (unless "*;q=0") but ranks below every accepted compression.
            var plain = identity != Unset ? identity : any == 0 ? 0 : double.Epsilon;

            if (br > 0 && br >= gz && br >= plain)
                return ContentCoding.Brotli;
            if (gz > 0 && gz >= plain)
                return ContentCoding.Gzip;
            // Identity even when the client excluded it: RFC 9110 allows ignoring the header rather than sending 406.
            return ContentCoding.Identity;
        }
    }

    private static bool TryParseMember(ReadOnlySpan<char> member, out ReadOnlySpan<char> coding, out double quality)
    {
        quality = 1;
        var semicolon = member.IndexOf(';');
        coding = (semicolon < 0 ? member : member[..semicolon]).Trim();
        if (coding.IsEmpty)
            return false;
        if (semicolon < 0)
            return true;

        var parameter = member[(semicolon + 1)..].Trim();
        if (parameter.Length < 2 || (parameter[0] is not ('q' or 'Q')) || parameter[1] != '=')
            return false;
        if (!double.TryParse(parameter[2..].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality) || quality > 1 || double.IsNaN(quality))
            return false;
        return true;
    }
}
