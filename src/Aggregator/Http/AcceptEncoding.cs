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

        double brotli = Unset, gzip = Unset, identity = Unset, any = Unset;
        foreach (var value in header)
        {
            var rest = (value ?? string.Empty).AsSpan();
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

        brotli = brotli == Unset ? Math.Max(any, 0) : brotli;
        gzip = gzip == Unset ? Math.Max(any, 0) : gzip;
        // Unnamed identity stays acceptable (unless "*;q=0") but ranks below every accepted compression.
        identity = identity != Unset ? identity : any == 0 ? 0 : double.Epsilon;

        if (brotli > 0 && brotli >= gzip && brotli >= identity)
            return ContentCoding.Brotli;
        if (gzip > 0 && gzip >= identity)
            return ContentCoding.Gzip;
        // Identity even when the client excluded it: RFC 9110 allows ignoring the header rather than sending 406.
        return ContentCoding.Identity;
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
