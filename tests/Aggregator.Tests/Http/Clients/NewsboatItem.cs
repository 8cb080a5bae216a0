namespace Aggregator.Tests.Http.Clients;

/// <summary>One row of newsboat's <c>rss_item</c> table: what the reader shows of an entry.</summary>
internal sealed record NewsboatItem(string Guid, string Title, string Author, string Url, string FeedUrl, long PubDate);
