using Aggregator.Model;
using Aggregator.Normalizing.Links;

namespace Aggregator.Normalizing;

/// <summary>
/// The cheap first phase of normalization: who an entry is and what it looked like, from its raw
/// fields, before any sanitizing. The store compares the hash with the one it keeps and tells the
/// normalizer to skip the entries it already has as they are.
/// </summary>
internal sealed class EntryStamp
{
    private readonly ParsedEntry? entry;
    private readonly ParsedFeed? feed;
    private readonly SourceDefinition? source;
    private string? link;
    private bool linkIsOwn;

    /// <param name="index">Position of the entry in <c>ParsedFeed.Entries</c>.</param>
    /// <param name="entryKey">The article's key within its source (<see cref="Article.EntryKey"/>).</param>
    /// <param name="rawHash">Hash of the raw fields and the source settings that shape the article (<see cref="Article.ContentHash"/>).</param>
    /// <param name="link">The canonical link.</param>
    /// <param name="linkIsOwn">False when the entry has no link of its own and <paramref name="link"/> is the feed's or the source's.</param>
    public EntryStamp(int index, string entryKey, string rawHash, string link, bool linkIsOwn = true)
    {
        Index = index;
        EntryKey = entryKey;
        RawHash = rawHash;
        this.link = link;
        this.linkIsOwn = linkIsOwn;
    }

    /// <summary>
    /// A stamp whose canonical link is worked out on first use: an entry keyed by its guid needs no
    /// link to be recognised, and a re-poll of known entries never asks for one.
    /// </summary>
    public EntryStamp(int index, string entryKey, string rawHash, ParsedEntry entry, ParsedFeed feed, SourceDefinition source)
    {
        Index = index;
        EntryKey = entryKey;
        RawHash = rawHash;
        this.entry = entry;
        this.feed = feed;
        this.source = source;
    }

    /// <summary>Position of the entry in <c>ParsedFeed.Entries</c>.</summary>
    public int Index { get; }

    /// <summary>The article's key within its source (<see cref="Article.EntryKey"/>).</summary>
    public string EntryKey { get; }

    /// <summary>Hash of the raw fields and the source settings that shape the article (<see cref="Article.ContentHash"/>).</summary>
    public string RawHash { get; }

    /// <summary>The canonical link.</summary>
    public string Link
    {
        get
        {
            Resolve();
            return link!;
        }
    }

    /// <summary>False when the entry has no link of its own and <see cref="Link"/> is the feed's or the source's.</summary>
    public bool LinkIsOwn
    {
        get
        {
            Resolve();
            return linkIsOwn;
        }
    }

    /// <summary>The entry's own canonical link: its link, else a guid that is an http(s) URL; null when it has neither.</summary>
    public static string? OwnLink(ParsedEntry entry, string? guid, SourceDefinition source) =>
        CanonicalLink.Normalize(entry.Link, source.Url)
        ?? (CanonicalLink.IsHttpUrl(guid) ? CanonicalLink.Normalize(guid, null) : null);

    /// <summary>The link of an entry without one of its own: the feed's, else the source's.</summary>
    public static string FallbackLink(ParsedFeed feed, SourceDefinition source) =>
        CanonicalLink.Normalize(feed.Link, source.Url)
        ?? CanonicalLink.Normalize(source.Url.AbsoluteUri, null) ?? source.Url.AbsoluteUri;

    private void Resolve()
    {
        if (Volatile.Read(ref link) is not null)
            return;
        // Idempotent: two threads racing here compute the same values.
        var own = OwnLink(entry!, string.IsNullOrWhiteSpace(entry!.Id) ? null : entry.Id.Trim(), source!);
        linkIsOwn = own is not null;
        // Published after linkIsOwn: a thread that sees the link sees the flag that goes with it.
        Volatile.Write(ref link, own ?? FallbackLink(feed!, source!));
    }
}
