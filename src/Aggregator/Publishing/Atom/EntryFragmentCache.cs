using System.Globalization;
using System.Text;
using Aggregator.Model;

namespace Aggregator.Publishing.Atom;

/// <summary>
/// Rendered entries kept between publishes: a republish renders only new or changed articles, the
/// rest is copying bytes. An entry is reused only while everything it is rendered from is the same
/// (its fingerprint: the store's content hash and change time, every small field, the body's length,
/// the source and the related reports, and the site's category scheme). Entries not used by the
/// latest publish are dropped, so the cache holds one site's worth at most.
/// </summary>
internal sealed class EntryFragmentCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Fingerprint, byte[] Fragment, long Generation)> _entries = new(StringComparer.Ordinal);
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

    public byte[] GetOrRender(PublishedArticle published, AtomEntryWriter writer)
    {
        var fingerprint = Fingerprint(published);
        lock (_gate)
        {
            if (_entries.TryGetValue(published.ArticleId, out var cached) && string.Equals(cached.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                _entries[published.ArticleId] = cached with { Generation = _generation };
                return cached.Fragment;
            }
        }
        var fragment = writer.Render(published);
        lock (_gate)
            _entries[published.ArticleId] = (fingerprint, fragment, _generation);
        return fragment;
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

    private static string Fingerprint(PublishedArticle published)
    {
        var a = published.Article;
        var key = new StringBuilder(256);
        const char separator = '\u001F';
        foreach (var part in new[]
                 {
                     a.ContentHash, a.Title, a.Link, a.Thumbnail ?? "", a.Author, a.Summary, a.SourceId,
                     a.Published.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     a.Updated?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
                     published.FirstSeen.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     published.LastChanged.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     a.Body.Length.ToString(CultureInfo.InvariantCulture),
                     published.SourceTitle, published.SourceUrl.AbsoluteUri,
                 })
        {
            key.Append(part).Append(separator);
        }
        foreach (var category in a.Categories)
            key.Append(category).Append(separator);
        foreach (var report in published.AlsoReportedBy)
            key.Append(report.SourceId).Append(separator).Append(report.SourceTitle).Append(separator).Append(report.Link).Append(separator);
        return key.ToString();
    }
}
