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

    /// <summary>
    /// This site with every file whose bytes equal <paramref name="previous"/>'s at the same path
    /// holding the previous array instead of its own equal copy. Whoever still holds the previous
    /// site (HTTP keeps the files it prepared while their bytes are unchanged) then shares one copy
    /// with the new one: over a large store most archive pages are unchanged between publishes, and
    /// two copies of them were most of serve's memory.
    /// </summary>
    public PublishedSite SharingBytesWith(PublishedSite? previous)
    {
        if (previous is null)
            return this;
        var files = new PublishedFile[Files.Count];
        for (var i = 0; i < files.Length; i++)
        {
            var file = Files[i];
            files[i] = previous.Find(file.Path) is { } before && !ReferenceEquals(before.Content, file.Content) && before.Content.AsSpan().SequenceEqual(file.Content)
                ? file with { Content = before.Content }
                : file;
        }
        return new PublishedSite(files);
    }
}
