using System.Diagnostics;
using System.Text;
using Aggregator.Parsing;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Parsing;

/// <summary>Documents built to hurt an XML parser fail cleanly (or parse harmlessly) and fast.</summary>
public sealed class HostileDocumentTests
{
    [Fact]
    public void AnExternalEntityIsNeverResolved()
    {
        var feed = ParsingDocuments.Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>
            """);

        var title = feed.Entries[0].Title ?? string.Empty;
        Assert.DoesNotContain("root:", title, StringComparison.Ordinal);
        Assert.Equal("&xxe;", title);
    }

    [Fact]
    public void AParameterEntityPointingOutsideIsNeverFetched()
    {
        var feed = ParsingDocuments.Parse("""
            <!DOCTYPE rss [ <!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote; ]>
            <rss version="2.0"><channel><title>safe</title></channel></rss>
            """);

        Assert.Equal("safe", feed.Title);
    }

    [Fact]
    public void ABillionLaughsIsNotExpanded()
    {
        // lol1 is ten lol, lol2 ten lol1 … lol9 is a billion "lol"s if anything expands it.
        var lol = new StringBuilder("<!DOCTYPE rss [ <!ENTITY lol \"lol\">");
        for (var level = 1; level <= 9; level++)
        {
            var previous = level == 1 ? "lol" : $"lol{level - 1}";
            lol.Append($" <!ENTITY lol{level} \"").Append(string.Concat(Enumerable.Repeat($"&{previous};", 10))).Append("\">");
        }

        lol.Append(" ]><rss><channel><item><title>&lol9;</title></item></channel></rss>");
        var watch = Stopwatch.StartNew();

        var feed = ParsingDocuments.Parse(lol.ToString());

        Assert.Equal("&lol9;", feed.Entries[0].Title);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "the parse must not expand entities");
    }

    [Fact]
    public void TenThousandNestedElementsFailWithAClearError()
    {
        var deep = "<rss><channel><item><description>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "x"
            + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</description></item></channel></rss>";

        var error = Assert.Throws<FeedParseException>(() => ParsingDocuments.Parse(deep));

        Assert.Equal("parse: the document nests elements more than 64 levels deep, which no feed does.", error.Message);
    }

    [Fact]
    public void AHugeInternalEntityValueIsIgnored()
    {
        var huge = new string('a', 100_000);
        var feed = ParsingDocuments.Parse($"<!DOCTYPE rss [ <!ENTITY big \"{huge}\"> ]><rss><channel><item><title>&big;</title></item></channel></rss>");

        Assert.Equal("&big;", feed.Entries[0].Title);
    }
}
