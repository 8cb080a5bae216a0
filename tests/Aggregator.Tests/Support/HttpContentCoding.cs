using System.IO.Compression;

namespace Aggregator.Tests.Support;

/// <summary>Undoes a response's Content-Encoding, so tests compare served bytes with the published file.</summary>
internal static class HttpContentCoding
{
    /// <summary><paramref name="body"/> decoded from <paramref name="coding"/> ("gzip", "br"; null or "identity" leave it as it is).</summary>
    public static byte[] Decode(byte[] body, string? coding)
    {
        if (coding is null or "identity")
            return body;
        using var input = new MemoryStream(body);
        using Stream decoder = coding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new ArgumentException($"tests: no decoder for content coding '{coding}'.", nameof(coding)),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
