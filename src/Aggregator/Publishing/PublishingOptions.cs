namespace Aggregator.Publishing;

/// <summary>Where and how much the publish stage writes (bound from the CLI's <c>--out</c>).</summary>
internal sealed class PublishingOptions
{
    /// <summary>Root folder of the static site; published paths hang off it.</summary>
    public string OutputDirectory { get; set; } = "public";

    /// <summary>
    /// Pages per feed, the subscription document included (RFC 5005 paged feed). Page k holds entries
    /// EntriesPerFeed*(k-1) .. EntriesPerFeed*k-1 of the newest-first list.
    /// </summary>
    public int MaxPagesPerFeed { get; set; } = 10;

    /// <summary>Whether <c>sources.opml</c> also lists the merged feeds (off: importing it would subscribe twice).</summary>
    public bool OpmlIncludesMergedFeeds { get; set; }
}
