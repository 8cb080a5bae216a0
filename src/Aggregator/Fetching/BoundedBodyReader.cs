using System.IO.Compression;

namespace Aggregator.Fetching;

/// <summary>
/// Reads a response body through its Content-Encoding into bytes, stopping as soon as the decoded size
/// passes the limit: a gzip bomb or an endless body costs at most the limit in memory, never more.
/// The bytes are left in the pooled array they were read into (<see cref="PooledBody"/>); the poller
/// gives it back when its poll ends.
/// </summary>
internal static class BoundedBodyReader
{
    private const int FirstBufferSize = 64 * 1024;

    /// <summary>Decodes <paramref name="body"/> (encodings as listed in the header, applied in order) and reads at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="FetchFailedException">The body is too large, corrupt, or uses an encoding we did not ask for.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream body, IReadOnlyList<string> contentEncodings, long maxBytes, long? contentLength, CancellationToken cancellationToken)
    {
        var decoded = body;
        // Encodings are listed in the order they were applied, so they come off in reverse.
        for (var i = contentEncodings.Count - 1; i >= 0; i--)
            decoded = await DecodeAsync(decoded, contentEncodings[i], cancellationToken);

        var hint = contentEncodings.Count == 0 ? contentLength : null;
        try
        {
            return await ReadLimitedAsync(decoded, maxBytes, hint, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new FetchFailedException($"fetch: the {string.Join("+", contentEncodings)} body is corrupt", e);
        }
        finally
        {
            await decoded.DisposeAsync();
        }
    }

    /// <summary>Reads a plain stream into a pooled array, failing once it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(Stream stream, long maxBytes, long? lengthHint, CancellationToken cancellationToken)
    {
        maxBytes = Math.Max(0, maxBytes);
        // One byte over the limit is enough to know the body is too large.
        var cap = (int)Math.Min(maxBytes + 1, Array.MaxLength);
        var firstSize = (int)Math.Clamp(lengthHint is > 0 ? lengthHint.Value + 1 : FirstBufferSize, 1, cap);
        var buffer = PooledBody.Rent(firstSize);
        var length = 0;
        var done = false;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= cap)
                        throw TooLarge(maxBytes);
                    var larger = PooledBody.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    PooledBody.Return(buffer);
                    buffer = larger;
                }

                var window = Math.Min(buffer.Length, cap) - length;
                var read = await stream.ReadAsync(buffer.AsMemory(length, window), cancellationToken);
                if (read == 0)
                    break;
                length += read;
                if (length > maxBytes)
                    throw TooLarge(maxBytes);
            }

            done = true;
            return buffer.AsMemory(0, length);
        }
        finally
        {
            if (!done)
                PooledBody.Return(buffer);
        }
    }

    /// <summary>"15 MiB", "512 KiB" or "100 bytes": the limit as an admin wrote it.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };

    private static FetchFailedException TooLarge(long maxBytes) => new($"fetch: body exceeds the {FormatSize(maxBytes)} limit");

    private static async Task<Stream> DecodeAsync(Stream stream, string encoding, CancellationToken cancellationToken)
    {
        switch (encoding.Trim().ToLowerInvariant())
        {
            case "" or "identity":
                return stream;
            case "gzip" or "x-gzip":
                return new GZipStream(stream, CompressionMode.Decompress);
            case "br":
                return new BrotliStream(stream, CompressionMode.Decompress);
            case "deflate":
                // HTTP deflate is zlib-wrapped, but many servers send raw deflate: sniff the zlib header.
                var head = new byte[2];
                var got = await stream.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, cancellationToken);
                var replay = new PrefixedStream(head.AsMemory(0, got), stream);
                var isZlib = got == 2 && (head[0] & 0x0F) == 8 && ((head[0] << 8) | head[1]) % 31 == 0;
                return isZlib ? new ZLibStream(replay, CompressionMode.Decompress) : new DeflateStream(replay, CompressionMode.Decompress);
            default:
                throw new FetchFailedException($"fetch: unsupported Content-Encoding '{encoding.Trim()}'");
        }
    }
}
