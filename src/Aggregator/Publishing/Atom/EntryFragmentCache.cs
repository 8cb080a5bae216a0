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
    // Which entries a page of the publish in progress got (by site path), and which entries live in
    // each page file (by full path): a feed's spill and a page's evacuation visit those, not every
    // entry (~100,000 over 1,000,000 articles, times 1,122 pages). Both may name entries that moved
    // on since: each is checked before use.
    private readonly Dictionary<string, HashSet<string>> _placedOn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _inFile = new(StringComparer.Ordinal);
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
                _inFile.Clear();
            }
            _placedOn.Clear();
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
        SpilledPage page;
        int offset, length;
        var fingerprint = EntryKeyFingerprint.Of(key);
        lock (_gate)
        {
            fragment = ReadOnlyMemory<byte>.Empty;
            if (!_entries.TryGetValue(key.ArticleId, out var cached) || cached.Key != fingerprint)
                return false;
            cached.Generation = _generation;
            if (cached.Page is null)
            {
                fragment = cached.Unspilled!.Bytes;
                return true;
            }
            (page, offset, length) = (cached.Page, cached.Offset, cached.Length);
        }
        var file = pages.Read(page);
        if (file is null || offset + length > file.Length || !LooksLikeEntry(file.AsSpan(offset, length)))
            return false;
        fragment = file.AsMemory(offset, length);
        return true;
    }

    /// <summary>Keeps the entry rendered for this version of the article, replacing any older one.</summary>
    public void Add(LatestArticleKey key, ReadOnlyMemory<byte> fragment)
    {
        var fingerprint = EntryKeyFingerprint.Of(key);
        lock (_gate)
            _entries[key.ArticleId] = new CachedEntry(fingerprint, _generation) { Unspilled = new UnspilledEntry(fragment, null, false, _generation) };
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
            if (!firstPage && _entries.TryGetValue(key.ArticleId, out var cached) && cached.Key == fingerprint && cached.Unspilled is { InFirstPage: true } placed && placed.PlacedIn == _generation)
                return;
            _entries[key.ArticleId] = new CachedEntry(fingerprint, _generation)
            {
                Unspilled = new UnspilledEntry(document.AsMemory(offset, length), pagePath, firstPage, _generation),
            };
            if (!_placedOn.TryGetValue(pagePath, out var onPage))
                _placedOn[pagePath] = onPage = new HashSet<string>(StringComparer.Ordinal);
            onPage.Add(key.ArticleId);
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
    public void Spill(Func<string, int, SpilledPage?> locate) => Spill(null, locate);

    /// <summary>
    /// As <see cref="Spill(Func{string, int, SpilledPage?})"/>, for the entries placed on <paramref name="pagePaths"/>
    /// only (all pages when null): a cold publish spills each feed's archive pages as soon as they are
    /// written, while other feeds are still placing entries on pages not yet written.
    /// </summary>
    public void Spill(IReadOnlySet<string>? pagePaths, Func<string, int, SpilledPage?> locate)
    {
        bool Chosen(CachedEntry e) => e.Unspilled?.PagePath is { } path && (pagePaths is null || pagePaths.Contains(path));
        List<(string Path, int Length)> pages;
        List<(string Id, CachedEntry Entry)> chosen;
        lock (_gate)
        {
            IEnumerable<string> candidates = pagePaths is null
                ? _entries.Keys
                : pagePaths.SelectMany(path => _placedOn.GetValueOrDefault(path) ?? []).Distinct(StringComparer.Ordinal);
            chosen = [.. candidates.Select(id => (Id: id, Entry: _entries.GetValueOrDefault(id))).Where(e => e.Entry is not null && Chosen(e.Entry)).Select(e => (e.Id, e.Entry!))];
            pages = [.. chosen.Select(e => (e.Entry.Unspilled!.PagePath!, DocumentLength(e.Entry.Unspilled))).Distinct()];
        }
        var located = new Dictionary<(string, int), SpilledPage?>();
        foreach (var page in pages)
            located[page] = locate(page.Path, page.Length);
        lock (_gate)
        {
            foreach (var (id, entry) in chosen)
            {
                // Placed again meanwhile (another feed's page): that place is spilled with its page.
                if (!_entries.TryGetValue(id, out var now) || !ReferenceEquals(now, entry))
                    continue;
                var unspilled = entry.Unspilled!;
                if (!located.TryGetValue((unspilled.PagePath!, DocumentLength(unspilled)), out var file) || file is null)
                {
                    _entries.Remove(id);
                    continue;
                }
                _ = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(unspilled.Bytes, out var segment);
                _entries[id] = new CachedEntry(entry.Key, entry.Generation) { Page = file, Offset = segment.Offset, Length = segment.Count };
                if (!_inFile.TryGetValue(file.FullPath, out var inFile))
                    _inFile[file.FullPath] = inFile = new HashSet<string>(StringComparer.Ordinal);
                inFile.Add(id);
            }
            if (pagePaths is null)
            {
                // The end of a publish: rebuilt from what is kept, so ids swept or moved on do not pile up.
                _placedOn.Clear();
                _inFile.Clear();
                foreach (var (id, entry) in _entries)
                {
                    if (entry.Page is not { } page)
                        continue;
                    if (!_inFile.TryGetValue(page.FullPath, out var inFile))
                        _inFile[page.FullPath] = inFile = new HashSet<string>(StringComparer.Ordinal);
                    inFile.Add(id);
                }
            }
        }
    }

    /// <summary>
    /// Before the publish replaces the file at <paramref name="fullPath"/> while other feeds are still
    /// being built: the entries still kept as places in it (the previous publish's; an entry of the
    /// feed being written was placed on its new pages already) are copied out of it into memory, so a
    /// feed that needs one later neither reads the replaced file nor renders the entry again. Few
    /// are: those that left this feed's window but not another's. Returns how many were copied.
    /// </summary>
    public int Evacuate(string fullPath, PageFileReader pages)
    {
        List<(string Id, CachedEntry Entry)> held;
        lock (_gate)
        {
            if (!_inFile.Remove(fullPath, out var ids))
                return 0;
            held = [.. ids.Select(id => (Id: id, Entry: _entries.GetValueOrDefault(id)))
                .Where(e => e.Entry?.Page is { } page && string.Equals(page.FullPath, fullPath, StringComparison.Ordinal)).Select(e => (e.Id, e.Entry!))];
        }
        if (held.Count == 0)
            return 0;
        // Read outside the lock (other feeds keep looking entries up meanwhile); usually one version of the file.
        var files = held.Select(h => h.Entry.Page!).Distinct().ToDictionary(page => page, pages.Read);
        var copied = 0;
        lock (_gate)
        {
            foreach (var (id, entry) in held)
            {
                // Placed elsewhere meanwhile (another feed's new page): that place is the one to keep.
                if (!_entries.TryGetValue(id, out var now) || !ReferenceEquals(now, entry))
                    continue;
                var file = files[entry.Page!];
                if (file is null || entry.Offset + entry.Length > file.Length || !LooksLikeEntry(file.AsSpan(entry.Offset, entry.Length)))
                {
                    _entries.Remove(id);
                    continue;
                }
                _entries[id] = new CachedEntry(entry.Key, entry.Generation)
                {
                    Unspilled = new UnspilledEntry(file.AsSpan(entry.Offset, entry.Length).ToArray(), null, false, -1),
                };
                copied++;
            }
        }
        return copied;
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
                return _entries.Values.Count(e => e.Page is null);
        }
    }

    private static int DocumentLength(UnspilledEntry entry) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(entry.Bytes, out var segment) ? segment.Array!.Length : -1;

    // A cheap guard on top of the size and time checks: a slice that is not an entry is a miss.
    private static bool LooksLikeEntry(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("<entry"u8) && bytes.EndsWith("</entry>"u8);

    /// <summary>
    /// One cached entry: ~100,000 of them over 1,000,000 articles stay for as long as `serve` runs, so
    /// the spilled form, the one they keep, is one small object (the page file, offset and length
    /// inline); what only a publish in progress needs is in <see cref="Unspilled"/>, dropped by <see cref="Spill"/>.
    /// </summary>
    private sealed class CachedEntry(EntryKeyFingerprint key, long generation)
    {
        public EntryKeyFingerprint Key { get; } = key;

        /// <summary>The publish that last used the entry.</summary>
        public long Generation { get; set; } = generation;

        /// <summary>The entry in memory (a fresh render, or a slice of a page not yet spilled); null once spilled.</summary>
        public UnspilledEntry? Unspilled { get; init; }

        /// <summary>The page file holding the entry once spilled, and where in it.</summary>
        public SpilledPage? Page { get; init; }

        public int Offset { get; init; }

        public int Length { get; init; }
    }

    /// <param name="Bytes">The fragment, or its slice of a page.</param>
    /// <param name="PagePath">The page whose document <paramref name="Bytes"/> slices (null: a fresh render).</param>
    /// <param name="InFirstPage">Whether <paramref name="Bytes"/> slices a first page.</param>
    /// <param name="PlacedIn">The publish that put the entry on that page.</param>
    private sealed record UnspilledEntry(ReadOnlyMemory<byte> Bytes, string? PagePath, bool InFirstPage, long PlacedIn);
}
