using Aggregator.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Http;

/// <summary>
/// The published files as HTTP serves them, swapped in as one reference per publish so a request sees
/// either the old set or the new one, never a mix. What readers poll — each feed's first page,
/// index.html, sources.opml — is kept in memory with its identity, gzip and br bytes, ETags and
/// Last-Modified, prepared once per publish (and only for files whose bytes changed); while idle,
/// only the gzip bytes (<see cref="ReleaseIdleMemory"/>). Archive pages
/// (<c>page-k</c>) are kept as their validators and the file the publisher wrote: they are read per
/// request by <see cref="ArchivePageReader"/>. Fed by <see cref="ServingFeedPublisher"/> after every publish.
/// </summary>
internal sealed class ServedSite
{
    private readonly Lock updateGate = new();
    private readonly IOptions<HttpOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<ServedSite> logger;
    private readonly string outputDirectory;
    private volatile Snapshot current = Snapshot.Empty;

    public ServedSite(IOptions<HttpOptions> options, IOptions<PublishingOptions> publishing, TimeProvider time, ILogger<ServedSite> logger)
    {
        this.options = options;
        this.time = time;
        this.logger = logger;
        outputDirectory = Path.GetFullPath(publishing.Value.OutputDirectory);
    }

    /// <summary>For a site whose archive pages are written under the default output folder.</summary>
    public ServedSite(IOptions<HttpOptions> options, TimeProvider time, ILogger<ServedSite> logger)
        : this(options, Options.Create(new PublishingOptions()), time, logger)
    {
    }

    /// <summary>The paths served since the latest publish, or null before the first.</summary>
    public ServedPaths? Source => current.Paths;

    /// <summary>Prepares the files of <paramref name="site"/> (written under the output folder) and makes them the ones served.</summary>
    public void Update(PublishedSite site)
    {
        lock (updateGate)
        {
            var previous = current;
            var now = time.GetUtcNow();
            var files = new ServedFile?[site.Files.Count];
            var pages = new ArchivePage?[site.Files.Count];
            var reused = 0;
            // One file per core: unbounded, the pool injects threads while each waits on the CPU, and
            // every extra thread holds its own brotli encoder state.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, files.Length, parallel, index =>
            {
                var file = site.Files[index];
                // An archive page written during the build brings its hash (its bytes already left memory).
                var hash = file.Hash;
                // A file that derives from no dated data is dated by when these bytes were first served.
                if (ServedFile.KindOf(file.Path) == PathKind.Page)
                {
                    pages[index] = previous.FindPage(file.Path) is { } kept && kept.Hash == hash && kept.ContentType == file.ContentType
                        ? kept
                        : new ArchivePage(file.Path, SiteFileWriter.Resolve(outputDirectory, file.Path), file.ContentType, hash, file.Length, file.LastModified ?? now);
                    return;
                }
                if (previous.Find(file.Path) is { } old && old.Hash == hash && old.ContentType == file.ContentType)
                {
                    files[index] = old;
                    Interlocked.Increment(ref reused);
                    return;
                }
                files[index] = Prepare(file, hash, file.LastModified ?? now);
            });
            current = new Snapshot([.. files.OfType<ServedFile>()], [.. pages.OfType<ArchivePage>()], [.. site.Files.Select(f => f.Path)]);
            logger.LogInformation(
                "Prepared {FileCount} files for HTTP in memory ({ReusedCount} reused unchanged from the previous publish); {PageCount} archive pages are served from {OutputDirectory}",
                current.FileCount, reused, current.PageCount, outputDirectory);
        }
    }

    /// <summary>
    /// The in-memory file at a request path (leading slash, "/" meaning index.html), or null. Only
    /// exact published paths match.
    /// </summary>
    public ServedFile? Find(ReadOnlySpan<char> requestPath)
    {
        if (requestPath.IsEmpty || requestPath is "/")
            return current.Find(SitePaths.Index);
        return requestPath[0] == '/' ? current.Find(requestPath[1..]) : null;
    }

    /// <summary>
    /// While idle: lets go of the identity and br bytes of the in-memory files (<see cref="ServedFile.ReleaseIdle"/>);
    /// their gzip bytes stay. Returns the bytes let go.
    /// </summary>
    public long ReleaseIdleMemory()
    {
        long released = 0;
        foreach (var file in current.Files)
            released += file.ReleaseIdle();
        return released;
    }

    /// <summary>
    /// The archive page at a request path, or null. Only exact published paths match, and the file it
    /// names was resolved from the published path at publish time, never from the request: no request
    /// path can reach a file outside the site.
    /// </summary>
    public ArchivePage? FindArchivePage(ReadOnlySpan<char> requestPath) =>
        requestPath.Length > 1 && requestPath[0] == '/' ? current.FindPage(requestPath[1..]) : null;

    private ServedFile Prepare(PublishedFile file, string hash, DateTimeOffset lastModified)
    {
        var served = new ServedFile(file.Path, file.ContentType, hash, lastModified, file.Content, options.Value.BrotliQuality);
        // Readers poll feeds, the index and the OPML: their first request after a publish must not wait for a compressor.
        _ = (served.Gzip, served.Brotli);
        return served;
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([], [], null);

        private readonly Dictionary<string, ServedFile> byPath;
        private readonly Dictionary<string, ServedFile>.AlternateLookup<ReadOnlySpan<char>> bySpan;
        private readonly Dictionary<string, ArchivePage> pages;
        private readonly Dictionary<string, ArchivePage>.AlternateLookup<ReadOnlySpan<char>> pagesBySpan;

        public Snapshot(IReadOnlyList<ServedFile> files, IReadOnlyList<ArchivePage> archivePages, IReadOnlyList<string>? paths)
        {
            byPath = files.ToDictionary(file => file.Path, StringComparer.Ordinal);
            bySpan = byPath.GetAlternateLookup<ReadOnlySpan<char>>();
            pages = archivePages.ToDictionary(page => page.Path, StringComparer.Ordinal);
            pagesBySpan = pages.GetAlternateLookup<ReadOnlySpan<char>>();
            Paths = paths is null ? null : new ServedPaths(paths);
        }

        public ServedPaths? Paths { get; }

        public int FileCount => byPath.Count;

        public IEnumerable<ServedFile> Files => byPath.Values;

        public int PageCount => pages.Count;

        public ServedFile? Find(string path) => byPath.GetValueOrDefault(path);

        public ServedFile? Find(ReadOnlySpan<char> path) => bySpan.TryGetValue(path, out var file) ? file : null;

        public ArchivePage? FindPage(string path) => pages.GetValueOrDefault(path);

        public ArchivePage? FindPage(ReadOnlySpan<char> path) => pagesBySpan.TryGetValue(path, out var page) ? page : null;
    }
}
