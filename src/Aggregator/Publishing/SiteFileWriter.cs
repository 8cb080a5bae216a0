using System.Text.RegularExpressions;

namespace Aggregator.Publishing;

/// <summary>Puts a <see cref="PublishedSite"/> on disk under a root folder, file by file, atomically.</summary>
/// <remarks>Not for concurrent use: <see cref="SitePublisher"/> runs one publish at a time.</remarks>
internal sealed partial class SiteFileWriter(AtomicFileWriter writer)
{
    private const int ConcurrentWrites = 8;

    // Early writes run while feeds are still being built: each write blocks a pool thread in its
    // fsync, and more blocked threads than the pool has starve the builds' continuations.
    private const int ConcurrentEarlyWrites = 2;

    /// <summary>Writes the changed files, cleans dead temp files, and removes feed pages the site no longer has.</summary>
    /// <remarks>
    /// Whether a file changed is decided against the file on disk (its size, then its bytes read back
    /// in small chunks): the publisher keeps no copy of the previous site to compare with, since over a
    /// large store that copy was most of `serve`'s memory, and a file changed behind its back is
    /// repaired all the same.
    /// </remarks>
    public async Task<SiteWriteResult> WriteAsync(PublishedSite site, string root, CancellationToken cancellationToken)
    {
        var fullRoot = Path.GetFullPath(root);
        var folders = new SortedSet<string>(StringComparer.Ordinal) { fullRoot };
        var targets = new string[site.Files.Count];
        var changed = new bool[site.Files.Count];
        for (var i = 0; i < site.Files.Count; i++)
        {
            targets[i] = Resolve(fullRoot, site.Files[i].Path);
            folders.Add(Path.GetDirectoryName(targets[i])!);
        }
        // Each file is still replaced atomically on its own; writing several at once lets their
        // flushes to disk overlap (one fsync after another was most of a republish's write time).
        // A file written while the site was built (WriteNowAsync) is not written again.
        await Parallel.ForEachAsync(Enumerable.Range(0, site.Files.Count), new ParallelOptions { MaxDegreeOfParallelism = ConcurrentWrites, CancellationToken = cancellationToken },
            async (i, token) => changed[i] = site.Files[i].Written is { } done
                ? done.Changed
                : await writer.WriteIfChangedAsync(targets[i], site.Files[i].Content, token));
        var written = new List<string>();
        var unchanged = new List<string>();
        for (var i = 0; i < site.Files.Count; i++)
            (changed[i] ? written : unchanged).Add(site.Files[i].Path);
        foreach (var folder in folders)
            writer.CleanStaleTemps(folder);
        return new SiteWriteResult(written, unchanged, RemoveStalePages(site, fullRoot));
    }

    /// <summary>
    /// Writes <paramref name="files"/> under <paramref name="root"/> now, before the rest of their site
    /// exists, and returns them without their bytes (<see cref="PublishedFile.AfterWrite"/>; their
    /// hashes kept when <paramref name="keepHashes"/>);
    /// <see cref="WriteAsync"/> later counts them as written or unchanged without writing them again.
    /// </summary>
    public async Task<IReadOnlyList<PublishedFile>> WriteNowAsync(IReadOnlyList<PublishedFile> files, string root, bool keepHashes, CancellationToken cancellationToken)
    {
        var fullRoot = Path.GetFullPath(root);
        var done = new PublishedFile[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = ConcurrentEarlyWrites, CancellationToken = cancellationToken },
            async (i, token) => done[i] = files[i].AfterWrite(await writer.WriteIfChangedAsync(Resolve(fullRoot, files[i].Path), files[i].Content, token), keepHashes));
        return done;
    }

    /// <summary>The full path of a site path, refusing anything that would land outside the root.</summary>
    internal static string Resolve(string fullRoot, string sitePath)
    {
        var target = Path.GetFullPath(Path.Combine(fullRoot, sitePath.Replace('/', Path.DirectorySeparatorChar)));
        var prefix = fullRoot.EndsWith(Path.DirectorySeparatorChar) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        if (!target.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"publish: the path '{sitePath}' would be written outside the output folder.");
        return target;
    }

    /// <summary>
    /// Paging pages beyond the current last page (a feed shrank, or fewer pages are configured) would
    /// otherwise linger with stale links; only files named like our pages are touched.
    /// </summary>
    private static List<string> RemoveStalePages(PublishedSite site, string fullRoot)
    {
        var removed = new List<string>();
        var feeds = Path.Combine(fullRoot, "feeds");
        if (!Directory.Exists(feeds))
            return removed;
        foreach (var folder in Directory.EnumerateDirectories(feeds).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "page-*.atom").Order(StringComparer.Ordinal))
            {
                var sitePath = "feeds/" + Path.GetFileName(folder) + "/" + Path.GetFileName(file);
                if (!PageName().IsMatch(Path.GetFileName(file)) || site.Find(sitePath) is not null)
                    continue;
                File.Delete(file);
                removed.Add(sitePath);
            }
        }
        return removed;
    }

    [GeneratedRegex("^page-[0-9]+\\.atom$")]
    private static partial Regex PageName();
}
