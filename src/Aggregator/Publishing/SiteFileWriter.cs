using System.Text.RegularExpressions;

namespace Aggregator.Publishing;

/// <summary>Puts a <see cref="PublishedSite"/> on disk under a root folder, file by file, atomically.</summary>
internal sealed partial class SiteFileWriter(AtomicFileWriter writer)
{
    /// <summary>Writes the changed files, cleans dead temp files, and removes feed pages the site no longer has.</summary>
    public async Task<SiteWriteResult> WriteAsync(PublishedSite site, string root, CancellationToken cancellationToken)
    {
        var fullRoot = Path.GetFullPath(root);
        var written = new List<string>();
        var unchanged = new List<string>();
        var folders = new SortedSet<string>(StringComparer.Ordinal) { fullRoot };
        foreach (var file in site.Files)
        {
            var target = Resolve(fullRoot, file.Path);
            folders.Add(Path.GetDirectoryName(target)!);
            var changed = await writer.WriteIfChangedAsync(target, file.Content, cancellationToken);
            (changed ? written : unchanged).Add(file.Path);
        }
        foreach (var folder in folders)
            writer.CleanStaleTemps(folder);
        return new SiteWriteResult(written, unchanged, RemoveStalePages(site, fullRoot));
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
