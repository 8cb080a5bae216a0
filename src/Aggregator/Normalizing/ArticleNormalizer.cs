using Aggregator.Model;
using Aggregator.Normalizing.Dates;
using Aggregator.Normalizing.Html;
using Aggregator.Normalizing.Identity;
using Aggregator.Normalizing.Links;
using Aggregator.Normalizing.Media;

namespace Aggregator.Normalizing;

/// <summary>
/// Parsed entries into the seed's article model, in two phases: <see cref="Identify(ParsedFeed, SourceDefinition)"/>
/// is cheap (keys and a hash of the raw fields); the expensive part — sanitizing the body — runs only
/// for the entries the caller does not already hold unchanged, spread over the cores when there are many.
/// </summary>
/// <param name="sanitizer">The shared, thread-safe sanitizer.</param>
/// <param name="maxParallelism">
/// Bodies sanitized at once within one feed. A caller that already runs feeds in parallel on every
/// core passes 1: nested parallel loops only add thread switches and lock contention.
/// </param>
internal sealed class ArticleNormalizer(BodySanitizer sanitizer, int maxParallelism) : IArticleNormalizer
{
    /// <summary>Below this many bodies, threads cost more than they save.</summary>
    private const int ParallelThreshold = 8;

    private readonly ParallelOptions parallel = new() { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };

    public ArticleNormalizer()
        : this(new BodySanitizer())
    {
    }

    public ArticleNormalizer(BodySanitizer sanitizer)
        : this(sanitizer, Environment.ProcessorCount)
    {
    }

    /// <summary>Phase one for every entry of <paramref name="feed"/>, in document order.</summary>
    public IReadOnlyList<EntryStamp> Identify(ParsedFeed feed, SourceDefinition source)
    {
        var stamps = new EntryStamp[feed.Entries.Count];
        for (var i = 0; i < stamps.Length; i++)
            stamps[i] = Identify(feed.Entries[i], i, feed, source);
        return stamps;
    }

    /// <summary>
    /// Phase one for one entry: its key, canonical link and raw hash; no HTML is parsed. An entry with
    /// a guid is keyed by it, so its link is worked out only if someone asks (a changed entry's build).
    /// </summary>
    public static EntryStamp Identify(ParsedEntry entry, int index, ParsedFeed feed, SourceDefinition source)
    {
        var guid = string.IsNullOrWhiteSpace(entry.Id) ? null : entry.Id.Trim();
        var rawHash = RawHash.Of(entry, feed, source);
        if (guid is not null)
            return new EntryStamp(index, guid, rawHash, entry, feed, source);

        var ownLink = EntryStamp.OwnLink(entry, guid, source);
        var link = ownLink ?? EntryStamp.FallbackLink(feed, source);
        var key = ownLink ?? "title:" + TitleDateKey(entry);
        return new EntryStamp(index, key, rawHash, link, ownLink is not null);
    }

    public IReadOnlyList<Article> Normalize(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt) =>
        Normalize(feed, source, seenAt, isUnchanged: null);

    /// <summary>
    /// Normalizes the entries for which <paramref name="isUnchanged"/> says false (all of them when it is null),
    /// in document order. The callback runs on the calling thread, once per entry, before any sanitizing.
    /// </summary>
    public IReadOnlyList<Article> Normalize(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt, Func<EntryStamp, bool>? isUnchanged) =>
        Normalize(feed, source, seenAt, Identify(feed, source), isUnchanged);

    /// <inheritdoc />
    public IReadOnlyList<Article> Normalize(ParsedFeed feed, SourceDefinition source, DateTimeOffset seenAt, IReadOnlyList<EntryStamp> stamps, Func<EntryStamp, bool>? isUnchanged)
    {
        var todo = isUnchanged is null ? stamps : stamps.Where(s => !isUnchanged(s)).ToList();
        if (todo.Count == 0)
            return [];

        // Every entry's dates count towards the feed's usual offset, not only the changed ones'.
        var dates = new (FeedDate? Published, FeedDate? Updated)[feed.Entries.Count];
        for (var i = 0; i < dates.Length; i++)
            dates[i] = (FeedDateParser.Parse(feed.Entries[i].Published), FeedDateParser.Parse(feed.Entries[i].Updated));
        var zone = FeedZoneInference.For(feed, source, dates.SelectMany(d => new[] { d.Published, d.Updated }));

        var articles = new Article[todo.Count];
        Article Make(int i)
        {
            var stamp = todo[i];
            var (published, updated) = dates[stamp.Index];
            return Build(feed.Entries[stamp.Index], stamp, feed, source, EntryDates.Resolve(published, updated, zone, seenAt));
        }

        if (todo.Count >= ParallelThreshold && parallel.MaxDegreeOfParallelism > 1)
            Parallel.For(0, todo.Count, parallel, i => articles[i] = Make(i));
        else
        {
            for (var i = 0; i < todo.Count; i++)
                articles[i] = Make(i);
        }

        return articles;
    }

    private Article Build(ParsedEntry entry, EntryStamp stamp, ParsedFeed feed, SourceDefinition source, EntryDates dates)
    {
        var baseUri = UrlResolver.BaseFor(entry.BaseUri, entry.Link, stamp.Link, source.Url.AbsoluteUri);
        var html = string.IsNullOrWhiteSpace(entry.Content) ? entry.Summary : entry.Content;
        var body = sanitizer.Sanitize(html, baseUri);

        var title = TitleText.From(entry.Title, entry.TitleIsHtml);
        if (title.Length == 0)
            title = body.PlainText.Length > 0 ? TitleText.FromText(body.PlainText) : stamp.Link;

        return new Article
        {
            SourceId = source.Id,
            EntryKey = stamp.EntryKey,
            Guid = entry.Id,
            Link = stamp.Link,
            Title = title,
            Categories = Categories(source, entry),
            Thumbnail = ThumbnailPicker.Pick(entry.Media, body.FirstImage, baseUri),
            Author = AuthorName.Choose(entry.Authors, feed.Author, source.Title),
            Comments = source.Comments,
            Published = dates.Published,
            Updated = dates.Updated,
            Body = body.Html,
            Summary = SummaryText.Cut(body.PlainText),
            ContentHash = stamp.RawHash,
            TitleKey = StoryIdentity.TitleKey(title, source.Title),
            BodyFingerprint = StoryIdentity.Fingerprint(body.PlainText.Length > 0 ? body.PlainText : title),
        };
    }

    /// <summary>Configured categories in order, then the entry's own; trimmed, no duplicates (case-insensitive, first wins).</summary>
    private static List<string> Categories(SourceDefinition source, ParsedEntry entry)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var categories = new List<string>();
        var all = source.IncludeEntryCategories ? source.Categories.Concat(entry.Categories) : source.Categories;
        foreach (var raw in all)
        {
            var category = raw?.Trim();
            if (!string.IsNullOrEmpty(category) && seen.Add(category))
                categories.Add(category);
        }

        return categories;
    }

    /// <summary>Key of last resort for an entry with neither guid nor link: its title and date.</summary>
    private static string TitleDateKey(ParsedEntry entry)
    {
        var text = (entry.Title ?? string.Empty) + "\n" + (entry.Published ?? entry.Updated ?? string.Empty);
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}
