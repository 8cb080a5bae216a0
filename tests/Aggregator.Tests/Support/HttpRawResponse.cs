using System.Globalization;

namespace Aggregator.Tests.Support;

/// <summary>A response as it came over the wire: the status line, the header lines in order, the body.</summary>
internal sealed record HttpRawResponse(string StatusLine, string[] Headers, byte[] Body)
{
    public int Status => int.Parse(StatusLine.Split(' ')[1], CultureInfo.InvariantCulture);

    public string? Header(string name) =>
        Headers.Select(h => h.Split(": ", 2)).FirstOrDefault(h => h[0].Equals(name, StringComparison.OrdinalIgnoreCase))?[1];

    /// <summary>The header lines with the Date value blanked: it is the only one that changes between two responses.</summary>
    public string[] HeadersWithoutDate => [.. Headers.Select(h => h.StartsWith("Date: ", StringComparison.Ordinal) ? "Date: …" : h)];
}
