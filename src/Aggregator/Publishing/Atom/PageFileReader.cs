using System.Collections.Concurrent;

namespace Aggregator.Publishing.Atom;

/// <summary>
/// Reads the archive pages a publish takes cached entries from, each at most once per publish (many
/// entries come from one page), and only while it is as the publisher left it: same size and
/// modification time. Anything else (a missing file, an edit behind the publisher's back, an I/O
/// error) reads as null and its entries are rendered again. One per publish; its buffers go with it.
/// </summary>
internal sealed class PageFileReader
{
    private readonly ConcurrentDictionary<SpilledPage, Lazy<byte[]?>> _read = new();

    public byte[]? Read(SpilledPage page) =>
        _read.GetOrAdd(page, p => new Lazy<byte[]?>(() => ReadIfAsLeft(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// Lets go of what was read of the file at <paramref name="fullPath"/> (a page this publish just
    /// wrote anew or found unchanged): a later read reads it again, and only while it is as left.
    /// </summary>
    public void Forget(string fullPath)
    {
        foreach (var page in _read.Keys.Where(p => string.Equals(p.FullPath, fullPath, StringComparison.Ordinal)).ToList())
            _read.TryRemove(page, out _);
    }

    /// <summary>Files actually read so far.</summary>
    public int FilesRead => _read.Count(r => r.Value.IsValueCreated && r.Value.Value is not null);

    private static byte[]? ReadIfAsLeft(SpilledPage page)
    {
        try
        {
            if (SpilledPage.Of(page.FullPath) != page)
                return null;
            var bytes = File.ReadAllBytes(page.FullPath);
            // Replaced between the check and the read: the new file is not the one the offsets describe.
            return bytes.Length == page.Length && File.GetLastWriteTimeUtc(page.FullPath) == page.LastWriteTimeUtc ? bytes : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
