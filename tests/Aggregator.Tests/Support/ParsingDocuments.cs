using System.Text;
using Aggregator.Model;
using Aggregator.Parsing;

namespace Aggregator.Tests.Support;

/// <summary>Runs small inline documents through the real parser.</summary>
internal static class ParsingDocuments
{
    public static readonly Uri Location = new("https://news.example.com/feeds/main.xml");

    public static ParsedFeed Parse(string document, string? contentType = null) =>
        Parse(Encoding.UTF8.GetBytes(document), contentType);

    public static ParsedFeed Parse(byte[] document, string? contentType = null) =>
        new FeedParser().Parse(new FeedPayload(document, contentType, Location));

    /// <summary>An RSS 2.0 document around the given items, with the usual namespaces declared.</summary>
    public static string Rss(string items, string channelExtras = "") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel><title>Channel</title><link>https://news.example.com/</link>{channelExtras}
        {items}
        </channel></rss>
        """;
}
