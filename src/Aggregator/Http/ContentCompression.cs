using System.IO.Compression;

namespace Aggregator.Http;

/// <summary>The gzip and br bytes, and the validator hash, HTTP serves for a published file.</summary>
internal static class ContentCompression
{
    /// <summary>Hex of the first 128 bits of the SHA-256 of <paramref name="content"/>: equal hashes mean equal files.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Publishing.PublishedFile.HashOf(content);

    public static byte[] Gzip(ReadOnlySpan<byte> content)
    {
        using var buffer = new MemoryStream(content.Length / 4 + 64);
        using (var stream = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            stream.Write(content);
        return buffer.ToArray();
    }

    /// <summary>The bytes <see cref="Gzip"/> compressed, of the length they had.</summary>
    public static byte[] Gunzip(byte[] compressed, int length)
    {
        var content = new byte[length];
        using var stream = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
        stream.ReadExactly(content);
        if (stream.ReadByte() != -1)
            throw new InvalidOperationException($"serve: gzip bytes kept for a file of {length} bytes hold more than that.");
        return content;
    }

    public static byte[] Brotli(ReadOnlySpan<byte> content, int quality)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(content.Length)];
        if (!BrotliEncoder.TryCompress(content, buffer, out var written, Math.Clamp(quality, 0, 11), WindowFor(content.Length)))
            throw new InvalidOperationException($"serve: brotli could not compress a file of {content.Length} bytes.");
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>
    /// The smallest brotli window (log2, 10–22) that holds the whole file: the same compression as the
    /// largest window, while the encoder's memory grows with the window (a 4 MB window costs a
    /// 336 KB feed several times the memory a 512 KB one does).
    /// </summary>
    private static int WindowFor(int length)
    {
        var window = 10;
        while (window < 22 && (1 << window) - 16 < length)
            window++;
        return window;
    }
}
