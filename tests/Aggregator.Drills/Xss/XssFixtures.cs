using System.Globalization;
using System.Security;
using System.Text;

namespace Aggregator.Drills.Xss;

/// <summary>
/// An RSS 2.0 and an Atom 1.0 document carrying every vector in titles, bodies, links and
/// thumbnails, and a feeds.json reading them from disk (file: URLs: nothing leaves the machine).
/// </summary>
internal static class XssFixtures
{
    /// <summary>URL-shaped vectors for links and thumbnails (bodies take the HTML ones).</summary>
    public static readonly string[] UrlVectors =
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "jav&#x09;ascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:alert(1)",
        "http://127.0.0.1:9/x\" onerror=\"alert(1)", "http://127.0.0.1:9/x'><script>alert(1)</script>", "//127.0.0.1:9/x\"><svg onload=alert(1)>",
    ];

    public static IReadOnlyList<string> LoadVectors(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "xss-vectors.txt");
        return File.ReadAllLines(path).Where(line => line.Length > 0).ToList();
    }

    /// <summary>Writes rss.xml, atom.xml and feeds.json (one category each: a published feed holds at most 100 entries) into <paramref name="work"/>; returns the config path.</summary>
    public static string Write(string work, IReadOnlyList<string> vectors)
    {
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "rss.xml"), Rss(vectors), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(work, "atom.xml"), Atom(vectors), new UTF8Encoding(false));
        var config = Path.Combine(work, "feeds.json");
        File.WriteAllText(config, """
            {
              "site": { "title": "XSS drill", "baseUrl": "http://127.0.0.1:8080/" },
              "defaults": { "schedule": "0 */10 * * * ?", "timeout": "00:00:20", "timeZone": "UTC" },
              "categories": { "Rss": { "slug": "rss" }, "Atom": { "slug": "atom" } },
              "sources": [
                { "id": "xss-rss", "title": "XSS RSS", "url": "file:rss.xml", "categories": ["Rss"] },
                { "id": "xss-atom", "title": "XSS Atom", "url": "file:atom.xml", "categories": ["Atom"] }
              ]
            }
            """);
        return config;
    }

    private static string Rss(IReadOnlyList<string> vectors)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?>""" + "\n")
            .Append("""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel>""")
            .Append("<title>XSS RSS</title><link>http://127.0.0.1:9/</link><description>vectors</description>\n");
        for (var i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            var link = i % 3 == 0 ? UrlVectors[i % UrlVectors.Length] : $"http://127.0.0.1:9/rss/{i}";
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>{Escape($"rss {i} {v}")}</title><link>{Escape(link)}</link>")
                .Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">xss-rss-{i}</guid><pubDate>{Date(i)}</pubDate>")
                .Append(CultureInfo.InvariantCulture, $"<description>{Escape($"<p>summary {i}</p>{v}")}</description>")
                .Append("<content:encoded><![CDATA[<p>Shanghai equities report ").Append(i).Append(" from the RSS fixture, brokers and banks.</p>").Append(v.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)).Append("<p>end</p>]]></content:encoded>")
                .Append(CultureInfo.InvariantCulture, $"<media:thumbnail url=\"{Escape(UrlVectors[(i + 1) % UrlVectors.Length])}\"/>")
                .Append("</item>\n");
        }

        return xml.Append("</channel></rss>\n").ToString();
    }

    private static string Atom(IReadOnlyList<string> vectors)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?>""" + "\n")
            .Append("""<feed xmlns="http://www.w3.org/2005/Atom"><title>XSS Atom</title><id>urn:xss:atom</id><updated>2026-11-27T00:00:00Z</updated>""")
            .Append("<link href=\"http://127.0.0.1:9/\"/>\n");
        for (var i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            var link = i % 3 == 1 ? UrlVectors[i % UrlVectors.Length] : $"http://127.0.0.1:9/atom/{i}";
            xml.Append(CultureInfo.InvariantCulture, $"<entry><id>urn:xss:atom:{i}</id><title type=\"html\">{Escape($"atom {i} {v}")}</title>")
                .Append(CultureInfo.InvariantCulture, $"<link rel=\"alternate\" href=\"{Escape(link)}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<link rel=\"enclosure\" type=\"image/jpeg\" href=\"{Escape(UrlVectors[(i + 2) % UrlVectors.Length])}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<updated>{DateTimeOffset.Parse("2026-11-27T00:00:00Z", CultureInfo.InvariantCulture).AddMinutes(-i):yyyy-MM-ddTHH:mm:ssZ}</updated>")
                .Append(CultureInfo.InvariantCulture, $"<summary type=\"html\">{Escape($"<p>summary {i}</p>{v}")}</summary>")
                .Append(CultureInfo.InvariantCulture, $"<content type=\"html\">{Escape($"<p>Atom dispatch {i} on bond yields, currencies and gold futures overnight.</p>{v}<p>end</p>")}</content></entry>\n");
        }

        return xml.Append("</feed>\n").ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text.Replace("\t", "&#9;", StringComparison.Ordinal)) ?? "";

    private static string Date(int i) => DateTimeOffset.Parse("2026-11-27T00:00:00Z", CultureInfo.InvariantCulture).AddMinutes(-i).ToString("r", CultureInfo.InvariantCulture);
}
