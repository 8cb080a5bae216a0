using System.Text.RegularExpressions;
using Aggregator.Drills.Xss;
using Aggregator.Tests.Support;
using Xunit.Abstractions;

namespace Aggregator.Tests.Publishing.Html;

/// <summary>The published index page as a reader's browser shows it (Debian's chromium, headless, file://).</summary>
public sealed partial class IndexPageInChromiumTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheIndexRendersEveryCategoryAndSourceAndItsSubscribeLinksResolve()
    {
        var browser = Chromium.Find()
            ?? throw new Xunit.Sdk.XunitException("chromium is not installed: the index page test needs it (apt-get install -y chromium; .ci/run installs it)");

        using var site = new SampleSite();
        Assert.Equal(0, (await CliRunner.RunAsync(["run-once", .. site.Options])).ExitCode);
        var index = site.Combine("public", "index.html");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "index-page.png");

        var dom = await Chromium.DumpDomAsync(browser, index, screenshot);

        Assert.Contains("</html>", dom, StringComparison.Ordinal);
        foreach (var category in new[] { "金融", "证券时报网", "要闻", "快讯", "财联社", "华尔街见闻", "FT中文网", "Markets", "MarketWatch" })
            Assert.Contains(category, dom, StringComparison.Ordinal);
        foreach (var source in new[] { "stcn-yw", "cls-telegraph", "wallstreetcn-global", "ftchinese", "marketwatch-top" })
            Assert.Contains(source, dom, StringComparison.Ordinal);
        var links = FeedLink().Matches(dom).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("feeds/all.atom", links);
        Assert.All(links, link => Assert.True(File.Exists(site.Combine("public", link)), $"{link} does not resolve"));
        Assert.True(new FileInfo(screenshot).Length > 1000, "no screenshot was written");
        output.WriteLine($"{links.Count} subscribe links resolve; screenshot: {screenshot}");
    }

    [GeneratedRegex("href=\"(feeds/[^\"]+\\.atom)\"")]
    private static partial Regex FeedLink();
}
