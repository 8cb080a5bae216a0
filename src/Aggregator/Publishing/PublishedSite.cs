namespace Aggregator.Publishing;

/// <summary>Every file of one publish, prepared in memory so a writer or an HTTP server can hand them out.</summary>
internal sealed class PublishedSite
{
    private readonly Dictionary<string, PublishedFile> _byPath;

    public PublishedSite(IReadOnlyList<PublishedFile> files)
    {
        Files = files;
        _byPath = new Dictionary<string, PublishedFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!_byPath.TryAdd(file.Path, file))
                throw new ArgumentException($"publish: the path '{file.Path}' was produced twice.", nameof(files));
        }
    }

    /// <summary>In a stable order: feeds first (per category, then all), then pages, index, OPML.</summary>
    public IReadOnlyList<PublishedFile> Files { get; }

    /// <summary>The file at a relative path (forward slashes, no leading slash), or null.</summary>
    public PublishedFile? Find(string path) => _byPath.GetValueOrDefault(path);
}
