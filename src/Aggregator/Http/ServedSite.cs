using System.IO.Compression;
using System.Security.Cryptography;
using Aggregator.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Http;

/// <summary>
/// The published files as HTTP serves them: identity, gzip and br bytes, ETags and Last-Modified,
/// computed once per publish (and only for files whose bytes changed), then swapped in as one
/// reference so a request sees either the old set or the new one, never a mix.
/// Fed by <see cref="ServingFeedPublisher"/> after every publish.
/// </summary>
internal sealed class ServedSite(IOptions<HttpOptions> options, TimeProvider time, ILogger<ServedSite> logger)
{
    private readonly Lock updateGate = new();
    private volatile Snapshot current = Snapshot.Empty;

    /// <summary>The published site the served files were prepared from, or null before the first publish.</summary>
    public PublishedSite? Source => current.Source;

    /// <summary>Prepares the files of <paramref name="site"/> and makes them the ones served.</summary>
    public void Update(PublishedSite site)
    {
        lock (updateGate)
        {
            var previous = current;
            var now = time.GetUtcNow();
            var files = new ServedFile[site.Files.Count];
            var reused = 0;
            // One file per core: unbounded, the pool injects threads while each waits on the CPU, and
            // every extra thread holds its own brotli encoder state (tens of MB at quality 11).
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, files.Length, parallel, index =>
            {
                var file = site.Files[index];
                var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content).AsSpan(0, 16));
                if (previous.Find(file.Path) is { } old && old.Hash == hash && old.ContentType == file.ContentType)
                {
                    files[index] = old;
                    Interlocked.Increment(ref reused);
                    return;
                }

                // A file that derives from no dated data is dated by when these bytes were first served.
                files[index] = Prepare(file, hash, file.LastModified ?? now);
            });
            current = new Snapshot(site, files);
            logger.LogInformation("Prepared {FileCount} files for HTTP ({ReusedCount} reused unchanged from the previous publish)", files.Length, reused);
        }
    }

    /// <summary>
    /// The file at a request path (leading slash, "/" meaning index.html), or null. Only exact
    /// published paths match: nothing is ever read from disk, so no path can reach outside the site.
    /// </summary>
    public ServedFile? Find(ReadOnlySpan<char> requestPath)
    {
        if (requestPath.IsEmpty || requestPath is "/")
            return current.Find(SitePaths.Index);
        return requestPath[0] == '/' ? current.Find(requestPath[1..]) : null;
    }

    private ServedFile Prepare(PublishedFile file, string hash, DateTimeOffset lastModified)
    {
        var quality = options.Value.BrotliQuality;
        var served = new ServedFile(
            file.Path,
            file.ContentType,
            hash,
            lastModified,
            new ServedVariant(file.Content, $"\"{hash}\"", null),
            () => new ServedVariant(Gzip(file.Content), $"\"{hash}-gz\"", "gzip"),
            () => new ServedVariant(Brotli(file.Content, quality), $"\"{hash}-br\"", "br"));
        // Readers poll feeds, the index and the OPML: their first request after a publish must not
        // wait for a compressor. Archive pages are fetched rarely (catching up); compressing all of
        // them up front cost minutes of start-up and most of serve's memory on a large store.
        if (served.Kind != PathKind.Page)
            _ = (served.Gzip, served.Brotli);
        return served;
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream(content.Length / 4 + 64);
        using (var stream = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            stream.Write(content);
        return buffer.ToArray();
    }

    private static byte[] Brotli(byte[] content, int quality)
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

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new(null, []);

        private readonly Dictionary<string, ServedFile> byPath;
        private readonly Dictionary<string, ServedFile>.AlternateLookup<ReadOnlySpan<char>> bySpan;

        public Snapshot(PublishedSite? source, IReadOnlyList<ServedFile> files)
        {
            Source = source;
            byPath = files.ToDictionary(file => file.Path, StringComparer.Ordinal);
            bySpan = byPath.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public PublishedSite? Source { get; }

        public ServedFile? Find(string path) => byPath.GetValueOrDefault(path);

        public ServedFile? Find(ReadOnlySpan<char> path) => bySpan.TryGetValue(path, out var file) ? file : null;
    }
}
