using System.Text;
using System.Xml.Linq;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>The real run-once path: HTTP fixture feeds → fetch → parse → normalize → SQLite → Atom files.</summary>
public sealed class RunOnceEndToEndTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task EntriesFromBothSourcesAreMergedPerCategoryNewestFirstAndEachOnce()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapText("/markets.xml", FeedFixtures.MarketsRss, "application/rss+xml; charset=utf-8");
        server.MapText("/wire.atom", FeedFixtures.WireAtom, "application/atom+xml");
        using var temp = new TempDirectory();
        var config = temp.WriteFile("feeds.json", $$"""
            {
              "site": { "title": "Test News", "baseUrl": "https://news.example.net/" },
              "fetch": { "maxConcurrentPerHost": 4 },
              "sources": [
                { "id": "markets", "title": "Markets Daily", "url": "{{server.Url("/markets.xml")}}", "categories": ["Markets", "Business"] },
                { "id": "wire", "title": "Wire", "url": "{{server.Url("/wire.atom")}}", "categories": ["Business"] }
              ]
            }
            """);

        var result = await CliRunner.RunAsync("run-once", "--config", config, "--data", temp.Combine("data"), "--out", temp.Combine("public"));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var business = Entries(temp.Combine("public", "feeds", "business.atom"));
        Assert.Equal(
            ["Gold edges higher", "Stocks rally as yields fall", "Central bank holds rates steady", "Oil slips on supply worries"],
            business.Select(e => e.Title));
        Assert.Equal(business.Count, business.Select(e => e.Id).Distinct().Count());
        var markets = Entries(temp.Combine("public", "feeds", "markets.atom"));
        Assert.Equal(["Stocks rally as yields fall", "Oil slips on supply worries"], markets.Select(e => e.Title));
        var all = Entries(temp.Combine("public", "feeds", "all.atom"));
        Assert.Equal(4, all.Count);
    }

    [Fact]
    public async Task ASecondRunOverUnchangedSourcesKeepsTheSameEntryIds()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapText("/wire.atom", FeedFixtures.WireAtom, "application/atom+xml");
        using var temp = new TempDirectory();
        var config = temp.WriteFile("feeds.json", $$"""
            {
              "site": { "title": "Test News", "baseUrl": "https://news.example.net/" },
              "sources": [ { "id": "wire", "title": "Wire", "url": "{{server.Url("/wire.atom")}}", "categories": ["Business"] } ]
            }
            """);
        string[] args = ["run-once", "--config", config, "--data", temp.Combine("data"), "--out", temp.Combine("public")];

        var first = await CliRunner.RunAsync(args);
        var firstBytes = await File.ReadAllBytesAsync(temp.Combine("public", "feeds", "all.atom"));
        var second = await CliRunner.RunAsync(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(firstBytes, await File.ReadAllBytesAsync(temp.Combine("public", "feeds", "all.atom")));
    }

    [Fact]
    public async Task ASecondRunOverUnchangedContentWritesNoArticleRows()
    {
        // The fixture ignores validators, so the second poll downloads and parses everything again:
        // only the dedupe's "unchanged" path keeps it from writing.
        await using var server = await FixtureServer.StartAsync();
        server.MapText("/markets.xml", FeedFixtures.MarketsRss, "application/rss+xml; charset=utf-8");
        server.MapText("/wire.atom", FeedFixtures.WireAtom, "application/atom+xml");
        using var temp = new TempDirectory();
        var config = temp.WriteFile("feeds.json", $$"""
            {
              "site": { "title": "Test News", "baseUrl": "https://news.example.net/" },
              "sources": [
                { "id": "markets", "title": "Markets Daily", "url": "{{server.Url("/markets.xml")}}", "categories": ["Business"] },
                { "id": "wire", "title": "Wire", "url": "{{server.Url("/wire.atom")}}", "categories": ["Business"] }
              ]
            }
            """);
        string[] args = ["run-once", "--config", config, "--data", temp.Combine("data"), "--out", temp.Combine("public")];

        await CliRunner.RunAsync(args);
        var second = await CliRunner.RunAsync(args);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 new, 0 updated articles", second.Output, StringComparison.Ordinal);
        // One health row per source is all that may change.
        Assert.Contains("; 2 store rows written;", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimeoutAServerErrorAndNonXmlFailOnlyTheirOwnSources()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapText("/good.xml", FeedFixtures.GoodRss, "application/rss+xml");
        server.Map("/slow.xml", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        server.MapStatus("/broken.xml", 500);
        server.MapText("/html.xml", "<html><body>Not a feed, just a page", "text/html");
        using var temp = new TempDirectory();
        var config = temp.WriteFile("feeds.json", $$"""
            {
              "site": { "title": "Test News", "baseUrl": "https://news.example.net/" },
              "fetch": { "maxConcurrentPerHost": 4 },
              "sources": [
                { "id": "good", "title": "Good", "url": "{{server.Url("/good.xml")}}", "categories": ["News"] },
                { "id": "slow", "title": "Slow", "url": "{{server.Url("/slow.xml")}}", "categories": ["News"], "timeout": "00:00:02" },
                { "id": "broken", "title": "Broken", "url": "{{server.Url("/broken.xml")}}", "categories": ["News"] },
                { "id": "html", "title": "Html", "url": "{{server.Url("/html.xml")}}", "categories": ["News"] }
              ]
            }
            """);

        var result = await CliRunner.RunAsync("run-once", "--config", config, "--data", temp.Combine("data"), "--out", temp.Combine("public"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Still published"], Entries(temp.Combine("public", "feeds", "news.atom")).Select(e => e.Title));
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("slow ", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal) && l.Contains("timed out", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("broken ", StringComparison.Ordinal) && l.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("html ", StringComparison.Ordinal) && l.Contains("parse:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("good ", StringComparison.Ordinal) && l.Contains("ok", StringComparison.Ordinal));
    }

    private static List<(string Id, string Title)> Entries(string path)
    {
        var document = XDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        return document.Root!.Elements(Atom + "entry")
            .Select(e => ((string)e.Element(Atom + "id")!, (string)e.Element(Atom + "title")!))
            .ToList();
    }
}
