namespace Aggregator.Publishing;

/// <summary>What the index page and the OPML say about one published feed.</summary>
/// <param name="Name">The category name (the site title for the feed of everything).</param>
/// <param name="Slug">The slug in <c>feeds/&lt;slug&gt;.atom</c>.</param>
/// <param name="Title">The feed's atom:title.</param>
/// <param name="EntryCount">Entries published over all its pages.</param>
/// <param name="Updated">The feed's atom:updated.</param>
internal sealed record FeedSummary(string Name, string Slug, string Title, int EntryCount, DateTimeOffset Updated)
{
    public string Path => SitePaths.Feed(Slug);
}
