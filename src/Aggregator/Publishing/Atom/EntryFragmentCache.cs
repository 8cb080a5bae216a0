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
internal sealed class EntryFragmentCache
{
    private readonly Lock _gate = new();
    // The key itself is the fingerprint: record equality compares the version and every date.
    private readonly Dictionary<string, (LatestArticleKey Key, byte[] Fragment, long Generation)> _entries = new(StringComparer.Ordinal);
    private string _context = string.Empty;
    private long _generation;

    /// <summary>Starts a publish: a new category scheme or set of configured categories empties the cache.</summary>
    public void Begin(string context)
    {
        lock (_gate)
        {
            if (!string.Equals(context, _context, StringComparison.Ordinal))
                _entries.Clear();
            _context = context;
            _generation++;
        }
    }

    /// <summary>The rendered entry of this version of the article, if the cache holds it (and keeps it for this publish).</summary>
    public bool TryGet(LatestArticleKey key, out byte[] fragment)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key.ArticleId, out var cached) && cached.Key == key)
            {
                _entries[key.ArticleId] = cached with { Generation = _generation };
                fragment = cached.Fragment;
                return true;
            }
        }
        fragment = [];
        return false;
    }

    /// <summary>Keeps the entry rendered for this version of the article, replacing any older one.</summary>
    public void Add(LatestArticleKey key, byte[] fragment)
    {
        lock (_gate)
            _entries[key.ArticleId] = (key, fragment, _generation);
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

    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }
}
