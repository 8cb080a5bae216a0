using System.Text.RegularExpressions;

namespace Aggregator.Publishing;

/// <summary>Puts a <see cref="PublishedSite"/> on disk under a root folder, file by file, atomically.</summary>
/// <remarks>Not for concurrent use: <see cref="SitePublisher"/> runs one publish at a time.</remarks>
internal sealed partial class SiteFileWriter(AtomicFileWriter writer)
{
    // What this process last left on disk per full path: a file whose bytes equal the previous
    // publish's and whose size and mtime are still ours need not be read back to compare.
    private const int ConcurrentWrites = 8;

    private readonly Dictionary<string, (long Length, DateTime WriteTimeUtc)> _leftOnDisk = new(StringComparer.Ordinal);

    /// <summary>Writes the changed files, cleans dead temp files, and removes feed pages the site no longer has.</summary>
    /// <param name="previous">The site of the previous publish to this root, if any (saves reading unchanged files back).</param>
    public async Task<SiteWriteResult> WriteAsync(PublishedSite site, string root, PublishedSite? previous, CancellationToken cancellationToken)
    {
        var fullRoot = Path.GetFullPath(root);
        var folders = new SortedSet<string>(StringComparer.Ordinal) { fullRoot };
        var targets = new string[site.Files.Count];
        var changed = new bool[site.Files.Count];
        var toWrite = new List<int>();
        for (var i = 0; i < site.Files.Count; i++)
        {
            var file = site.Files[i];
            targets[i] = Resolve(fullRoot, file.Path);
            folders.Add(Path.GetDirectoryName(targets[i])!);
            if (previous?.Find(file.Path) is { } before && before.Content.AsSpan().SequenceEqual(file.Content) && StillAsLeft(targets[i]))
                continue;
            toWrite.Add(i);
        }
        // Each file is still replaced atomically on its own; writing several at once lets their
        // flushes to disk overlap (one fsync after another was most of a republish's write time).
        await Parallel.ForEachAsync(toWrite, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentWrites, CancellationToken = cancellationToken },
            async (i, token) => changed[i] = await writer.WriteIfChangedAsync(targets[i], site.Files[i].Content, token));
        var written = new List<string>();
        var unchanged = new List<string>();
        for (var i = 0; i < site.Files.Count; i++)
            (changed[i] ? written : unchanged).Add(site.Files[i].Path);
        foreach (var i in toWrite)
        {
            var info = new FileInfo(targets[i]);
            _leftOnDisk[targets[i]] = (info.Length, info.LastWriteTimeUtc);
        }
        foreach (var folder in folders)
            writer.CleanStaleTemps(folder);
        return new SiteWriteResult(written, unchanged, RemoveStalePages(site, fullRoot));
    }

    private bool StillAsLeft(string target)
    {
        if (!_leftOnDisk.TryGetValue(target, out var left))
            return false;
        var info = new FileInfo(target);
        return info.Exists && info.Length == left.Length && info.LastWriteTimeUtc == left.WriteTimeUtc;
    }

    /// <summary>The full path of a site path, refusing anything that would land outside the root.</summary>
    private static string Resolve(string fullRoot, string sitePath)
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
