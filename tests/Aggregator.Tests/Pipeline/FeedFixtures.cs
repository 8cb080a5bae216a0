namespace Aggregator.Tests.Pipeline;

/// <summary>Small RSS 2.0 and Atom documents for the end-to-end runs.</summary>
internal static class FeedFixtures
{
    public const string MarketsRss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Markets Daily</title>
            <link>https://markets.example.com/</link>
            <item>
              <title>Stocks rally as yields fall</title>
              <link>https://markets.example.com/a/stocks-rally?utm_source=rss</link>
              <guid>mk-1</guid>
              <pubDate>Thu, 26 Nov 2026 14:00:00 GMT</pubDate>
              <description>&lt;p&gt;Equities rose broadly on Thursday.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Oil slips on supply worries</title>
              <link>https://markets.example.com/a/oil-slips</link>
              <guid>mk-2</guid>
              <pubDate>Thu, 26 Nov 2026 10:00:00 GMT</pubDate>
              <description>&lt;p&gt;Brent crude fell 2% in early trade after inventories grew.&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    public const string WireAtom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Wire</title>
          <id>urn:example:wire</id>
          <updated>2026-11-26T13:00:00Z</updated>
          <entry>
            <title>Central bank holds rates steady</title>
            <id>urn:example:wire:1</id>
            <link rel="alternate" href="https://wire.example.org/cb-holds"/>
            <published>2026-11-26T12:00:00Z</published>
            <updated>2026-11-26T12:00:00Z</updated>
            <author><name>Wire Desk</name></author>
            <content type="html">&lt;p&gt;The central bank kept its policy rate unchanged at 3.5%.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Stocks rally as yields fall</title>
            <id>urn:example:wire:2</id>
            <link rel="alternate" href="https://markets.example.com/a/stocks-rally"/>
            <published>2026-11-26T14:05:00Z</published>
            <content type="html">&lt;p&gt;Equities rose broadly on Thursday.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Gold edges higher</title>
            <id>urn:example:wire:3</id>
            <link rel="alternate" href="https://wire.example.org/gold"/>
            <published>2026-11-26T16:30:00Z</published>
            <content type="html">&lt;p&gt;Spot gold rose 0.4% to a two-week high as the dollar eased.&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    public const string GoodRss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Good</title><link>https://good.example.com/</link>
          <item><title>Still published</title><link>https://good.example.com/1</link><guid>g-1</guid>
            <pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><description>Body.</description></item>
        </channel></rss>
        """;
}
