namespace Aggregator.Publishing;

/// <summary>
/// Writes files so a reader never sees a half-written one: the bytes go to a temp file in the same
/// folder, are flushed to disk, then renamed over the target (an atomic replace on POSIX and NTFS).
/// A file whose bytes did not change is not touched at all (its mtime stays, a server's 304 holds).
/// </summary>
internal sealed class AtomicFileWriter
{
    /// <summary>Suffix of the temp files; leftovers of a killed run carry it and are cleaned later.</summary>
    public const string TempSuffix = ".aggtmp";

    /// <summary>A temp file older than this belongs to a dead writer (a live one renames within seconds).</summary>
    private static readonly TimeSpan StaleTempAge = TimeSpan.FromMinutes(10);

    private const int CompareChunk = 64 * 1024;

    private readonly TimeProvider _time;
    private readonly Func<string, Stream> _openTemp;

    public AtomicFileWriter(TimeProvider time)
        : this(time, null)
    {
    }

    /// <summary>Tests pass <paramref name="openTemp"/> to make a write fail midway.</summary>
    internal AtomicFileWriter(TimeProvider time, Func<string, Stream>? openTemp)
    {
        _time = time;
        _openTemp = openTemp ?? (path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true));
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> atomically; false when it already held exactly these bytes.</summary>
    public async Task<bool> WriteIfChangedAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (await HasContentAsync(path, content, cancellationToken))
            return false;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))
            ?? throw new IOException($"publish: '{path}' has no parent folder to write a temp file in.");
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..12] + TempSuffix);
        try
        {
            await using (var stream = _openTemp(temp))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                // fsync before the rename: after a crash the new name never points at missing data.
                if (stream is FileStream file)
                    file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        return true;
    }

    /// <summary>Deletes temp files left in <paramref name="folder"/> by a writer that died before renaming.</summary>
    public int CleanStaleTemps(string folder)
    {
        if (!Directory.Exists(folder))
            return 0;
        var cutoff = _time.GetUtcNow().UtcDateTime - StaleTempAge;
        var removed = 0;
        foreach (var temp in Directory.EnumerateFiles(folder, "*" + TempSuffix))
        {
            if (File.GetLastWriteTimeUtc(temp) < cutoff && TryDelete(temp))
                removed++;
        }
        return removed;
    }

    private static async Task<bool> HasContentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != content.Length)
            return false;
        // Compared in chunks: reading whole archive pages back allocated the site's size again per publish.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(CompareChunk);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: false);
            var at = 0;
            while (at < content.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(CompareChunk, content.Length - at)), cancellationToken);
                if (read == 0 || !content.Span.Slice(at, read).SequenceEqual(buffer.AsSpan(0, read)))
                    return false;
                at += read;
            }
            return stream.ReadByte() < 0;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
