namespace Aggregator.Tests.Http.Clients;

/// <summary>One row of newsboat's <c>rss_feed</c> table, with the validators it keeps for conditional polls.</summary>
internal sealed record NewsboatFeed(string RssUrl, string Title, string ETag, long LastModified);
