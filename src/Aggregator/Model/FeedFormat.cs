namespace Aggregator.Model;

internal enum FeedFormat
{
    Rss20,
    Rss09x,
    Rss10,
    Atom10,
    Atom03,
    JsonFeed,
}
