using Aggregator.Storage;

namespace Aggregator.Publishing.Atom;

/// <summary>
/// Rendered entries kept between publishes: a republish reads only light keys from the store and
/// renders (and fetches) only new or changed articles; the rest is copying bytes. An entry is reused
/// only while everything it is rendered from is the same: the store's version of the article (its
/// content, canonical copy, categories, other reports and source names, see
/// <see cref="LatestArticleKey.Version"/>), its dates, and the site's category scheme. Entries not
/// used by the latest publish are dropped, so the cache holds one site's worth at most.
/// </summary>
/// <remarks>
/// The cache holds no copy of an entry of its own. Every entry a publish used lives in one of the
/// documents it wrote (an Atom page is its entries' fragments spliced in unchanged), so the cache
/// keeps where: a slice of the page's document until the publisher has written the site, then
/// (<see cref="Spill"/>) the page's file with the entry's offset. A republish reads each file it
/// needs once (the OS's page cache usually has it); a file that is not as the publisher left it
/// (size, modification time) turns its entries into misses, rendered again. Over a million articles
/// the fragments of every page were ~170 MB of `serve`'s resident memory; first pages were kept in
/// memory too until 2026-11-28 (~50 MB there: HTTP now lets their identity bytes go while idle).
/// </remarks>
internal sealed class EntryFragmentCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CachedEntry> _entries = new(StringComparer.Ordinal);
    private string _context = string.Empty;
    private long _generation;

    /// <summary>Starts a publish: a new category scheme or set of configured categories empties the cache.</summary>
    public void Begin(string context)
    {
        lock (_gate)
        {
            if (!string.Equals(context, _context, StringComparison.Ordinal))
            {
                _entries.Clear();
            }
            _context = context;
            _generation++;
        }
    }

    /// <summary>
    /// The rendered entry of this version of the article, if the cache holds it (and keeps it for this
    /// publish). An entry spilled to a page file is read through <paramref name="pages"/>.
    /// </summary>
    public bool TryGet(LatestArticleKey key, PageFileReader pages, out ReadOnlyMemory<byte> fragment)
    {
        SpilledEntry? spilled;
        var fingerprint = EntryKeyFingerprint.Of(key);
        lock (_gate)
        {
            fragment = ReadOnlyMemory<byte>.Empty;
            if (!_entries.TryGetValue(key.ArticleId, out var cached) || cached.Key != fingerprint)
                return false;
            cached.Generation = _generation;
            if (cached.Spilled is null)
            {
                fragment = cached.Bytes;
                return true;
            }
            spilled = cached.Spilled;
        }
        var file = pages.Read(spilled.Page);
        if (file is null || spilled.Offset + spilled.Length > file.Length || !LooksLikeEntry(file.AsSpan(spilled.Offset, spilled.Length)))
            return false;
        fragment = file.AsMemory(spilled.Offset, spilled.Length);
        return true;
    }

    /// <summary>Keeps the entry rendered for this version of the article, replacing any older one.</summary>
    public void Add(LatestArticleKey key, ReadOnlyMemory<byte> fragment)
    {
        var fingerprint = EntryKeyFingerprint.Of(key);
        lock (_gate)
            _entries[key.ArticleId] = new CachedEntry(fingerprint, fragment, null, _generation);
    }

    /// <summary>
    /// Records that this version of the article now sits in the document of <paramref name="pagePath"/>
    /// at <paramref name="offset"/>: the cache keeps that slice instead of the fragment it was made
    /// from. A first page wins over an archive page (readers fetch first pages, so their files are
    /// the likelier to be in the OS's page cache when a republish reads them).
    /// </summary>
    public void Place(LatestArticleKey key, byte[] document, int offset, int length, string pagePath, bool firstPage)
    {
        lock (_gate)
        {
            // Placed on a first page by this publish already (another feed's): that slice stays in memory anyway.
            var fingerprint = EntryKeyFingerprint.Of(key);
            if (!firstPage && _entries.TryGetValue(key.ArticleId, out var cached) && cached.Key == fingerprint && cached.PlacedIn == _generation && cached.InFirstPage)
                return;
            _entries[key.ArticleId] = new CachedEntry(fingerprint, document.AsMemory(offset, length), pagePath, _generation)
            {
                InFirstPage = firstPage,
                PlacedIn = _generation,
            };
        }
    }

    /// <summary>Ends a publish: forgets the entries it did not use.</summary>
    public void Sweep()
    {
        lock (_gate)
        {
            foreach (var stale in _entries.Where(e => e.Value.Generation != _generation).Select(e => e.Key).ToList())
                _entries.Remove(stale);
        }
    }

    /// <summary>
    /// After the publisher wrote the site: every entry is kept as its page's file and offset, so the
    /// pages' bytes can leave memory. <paramref name="locate"/>
    /// gives the file of a page path as it is now on disk, or null when it is not exactly the
    /// document the entries were placed in (its length differs); such entries are forgotten.
    /// </summary>
    public void Spill(Func<string, int, SpilledPage?> locate)
    {
        List<(string Path, int Length)> pages;
        lock (_gate)
            pages = [.. _entries.Values.Where(e => e.PagePath is not null).Select(e => (e.PagePath!, DocumentLength(e))).Distinct()];
        var located = new Dictionary<(string, int), SpilledPage?>();
        foreach (var page in pages)
            located[page] = locate(page.Path, page.Length);
        lock (_gate)
        {
            foreach (var (id, entry) in _entries.Where(e => e.Value.PagePath is not null).ToList())
            {
                if (!located.TryGetValue((entry.PagePath!, DocumentLength(entry)), out var file) || file is null)
                {
                    _entries.Remove(id);
                    continue;
                }
                _ = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(entry.Bytes, out var segment);
                _entries[id] = new CachedEntry(entry.Key, ReadOnlyMemory<byte>.Empty, null, entry.Generation)
                {
                    Spilled = new SpilledEntry(file, segment.Offset, segment.Count),
                };
            }
        }
    }

    /// <summary>Entries held, wherever they are.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    /// <summary>Entries whose bytes are in memory (not yet spilled, or whose page file was not found).</summary>
    public int InMemoryCount
    {
        get
        {
            lock (_gate)
                return _entries.Values.Count(e => e.Spilled is null);
        }
    }

    private static int DocumentLength(CachedEntry entry) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(entry.Bytes, out var segment) ? segment.Array!.Length : -1;

    // A cheap guard on top of the size and time checks: a slice that is not an entry is a miss.
    private static bool LooksLikeEntry(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("<entry"u8) && bytes.EndsWith("</entry>"u8);

    private sealed class CachedEntry(EntryKeyFingerprint key, ReadOnlyMemory<byte> bytes, string? pagePath, long generation)
    {
        public EntryKeyFingerprint Key { get; } = key;

        /// <summary>The fragment, or its slice of a page; empty once spilled.</summary>
        public ReadOnlyMemory<byte> Bytes { get; } = bytes;

        /// <summary>The page whose document <see cref="Bytes"/> slices (null: a fresh render).</summary>
        public string? PagePath { get; } = pagePath;

        /// <summary>Whether <see cref="Bytes"/> slices a first page.</summary>
        public bool InFirstPage { get; init; }

        public SpilledEntry? Spilled { get; init; }

        /// <summary>The publish that last put the entry on a page.</summary>
        public long PlacedIn { get; init; }

        public long Generation { get; set; } = generation;
    }

    private sealed record SpilledEntry(SpilledPage Page, int Offset, int Length);
}
