using System.Text;
using Aggregator.Model;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class RedirectTests
{
    private static readonly byte[] Rss = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel/></rss>");

    [Fact]
    public async Task TemporaryRedirectChainIsFollowedToTheDocument()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapRedirect("/a.xml", server.Url("/b.xml").ToString(), 302);
        server.MapRedirect("/b.xml", "/c.xml", 307);
        server.MapRedirect("/c.xml", "d.xml", 303);
        server.MapBytes("/d.xml", Rss, "application/rss+xml");
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/a.xml"));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(Rss, outcome.Payload!.Content.ToArray());
        Assert.Equal(server.Url("/d.xml"), outcome.Payload.Location);
        Assert.Null(outcome.PermanentRedirect);
    }

    [Fact]
    public async Task RelativeLocationIsResolvedAgainstTheRedirectingUrl()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapRedirect("/feeds/old/index.xml", "../new/index.xml");
        server.MapBytes("/feeds/new/index.xml", Rss);
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/feeds/old/index.xml"));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(server.Url("/feeds/new/index.xml"), outcome.Payload!.Location);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(308)]
    public async Task PermanentRedirectIsReportedWithTheFinalUrl(int status)
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapRedirect("/old.xml", "/moved.xml", status);
        server.MapRedirect("/moved.xml", "/new.xml", 301);
        server.MapBytes("/new.xml", Rss);
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/old.xml"));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(server.Url("/new.xml"), outcome.PermanentRedirect);
    }

    [Fact]
    public async Task PermanentRedirectStopsAtTheFirstTemporaryHop()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapRedirect("/old.xml", "/stable.xml", 301);
        server.MapRedirect("/stable.xml", "/today.xml", 302);
        server.MapBytes("/today.xml", Rss);
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/old.xml"));

        Assert.Equal(server.Url("/stable.xml"), outcome.PermanentRedirect);
        Assert.Equal(server.Url("/today.xml"), outcome.Payload!.Location);
    }

    [Fact]
    public async Task RedirectLoopIsDetected()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapRedirect("/a.xml", "/b.xml");
        server.MapRedirect("/b.xml", "/a.xml");
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/a.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal($"fetch: redirect loop at {server.Url("/a.xml")}", outcome.Error);
        Assert.Equal(1, server.RequestCount("/a.xml"));
    }

    [Fact]
    public async Task MoreThanFiveRedirectsFail()
    {
        await using var server = await FixtureServer.StartAsync();
        for (var i = 0; i < 6; i++)
            server.MapRedirect($"/{i}.xml", $"/{i + 1}.xml");
        server.MapBytes("/6.xml", Rss);
        await using var fetcher = new TestFetcher();

        var six = await fetcher.FetchAsync(server.Url("/0.xml"));

        Assert.Equal(FetchStatus.Failed, six.Status);
        Assert.Equal("fetch: too many redirects (more than 5)", six.Error);
        Assert.Equal(0, server.RequestCount("/6.xml"));
    }

    [Fact]
    public async Task ExactlyFiveRedirectsAreFollowed()
    {
        await using var server = await FixtureServer.StartAsync();
        for (var i = 0; i < 5; i++)
            server.MapRedirect($"/{i}.xml", $"/{i + 1}.xml");
        server.MapBytes("/5.xml", Rss);
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/0.xml"));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(server.Url("/5.xml"), outcome.Payload!.Location);
    }

    [Fact]
    public async Task RedirectToAFileUrlIsRefused()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapRedirect("/a.xml", "file:///etc/passwd");
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(server.Url("/a.xml"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: redirect to unsupported URL scheme 'file'", outcome.Error);
    }
}
