using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Aggregator.Http;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Http;

/// <summary>`serve` with two entries per feed, so the samples' feeds have archive pages, which HTTP reads from their files.</summary>
public sealed class ArchivePageOverHttpTests(ArchivePageOverHttpTests.Server server) : IClassFixture<ArchivePageOverHttpTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        internal HttpServedSample Sample { get; } = new();

        /// <summary>The archive pages served, in path order.</summary>
        internal IReadOnlyList<string> Pages { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(HttpServedSample.SamplesDirectory(), "feeds.json")))!;
            config["site"]!["entriesPerFeed"] = 2;
            await Sample.StartAsync(config.ToJsonString());
            Pages = [.. Sample.Services.GetRequiredService<ServedSite>().Source!.Files.Where(p => p.Contains("/page-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        }

        public Task DisposeAsync() => Sample.DisposeAsync();
    }

    private HttpServedSample Sample => server.Sample;

    private ServedSite Site => Sample.Services.GetRequiredService<ServedSite>();

    [Fact]
    public async Task ArchivePagesAreNotKeptInMemoryButServedFromTheirFilesWithValidatorsInEveryEncoding()
    {
        Assert.True(server.Pages.Count >= 2, "the samples with two entries per feed should give archive pages");
        var path = server.Pages[0];
        Assert.Null(Site.Find("/" + path));
        var page = Site.FindArchivePage("/" + path)!;
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(Sample.OutputDirectory, path));
        Assert.Equal(Path.GetFullPath(Path.Combine(Sample.OutputDirectory, path)), page.FullPath);

        foreach (var (coding, suffix) in new[] { ("identity", ""), ("gzip", "-gz"), ("br", "-br") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
            using var response = await Sample.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"\"{page.Hash}{suffix}\"", response.Headers.ETag!.Tag);
            Assert.Equal(page.LastModified, response.Content.Headers.LastModified);
            Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(onDisk, HttpContentCoding.Decode(await response.Content.ReadAsByteArrayAsync(), coding));

            using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
            conditional.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
            conditional.Headers.IfNoneMatch.Add(response.Headers.ETag);
            using var notModified = await Sample.Client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(response.Headers.ETag, notModified.Headers.ETag);
        }

        using var since = new HttpRequestMessage(HttpMethod.Get, path);
        since.Headers.IfModifiedSince = page.LastModified;
        using var notModifiedSince = await Sample.Client.SendAsync(since);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        using var head = await Sample.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(onDisk.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ADeletedArchivePageGetsAClearServiceUnavailableAndTheServerKeepsServing()
    {
        var path = server.Pages[^1];
        var file = Path.Combine(Sample.OutputDirectory, path);
        var moved = file + ".moved";
        File.Move(file, moved);
        try
        {
            using var missing = await Sample.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
            var message = await missing.Content.ReadAsStringAsync();
            Assert.Contains(path, message, StringComparison.Ordinal);
            Assert.Contains("missing", message, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromSeconds(60), missing.Headers.RetryAfter!.Delta);
            Assert.True(missing.Headers.CacheControl!.NoStore);

            using var feed = await Sample.Client.GetAsync("feeds/all.atom");
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        }
        finally
        {
            File.Move(moved, file);
        }

        using var back = await Sample.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Theory]
    [InlineData("/feeds/all/../../feeds.json")]
    [InlineData("/feeds/all/%2e%2e/%2e%2e/feeds.json")]
    [InlineData("/feeds/all/page-2.atom/../../../feeds.json")]
    [InlineData("/feeds/all/..%2f..%2ffeeds.json")]
    [InlineData("/feeds%2fall%2fpage-2.atom")]
    [InlineData("/../feeds.json")]
    [InlineData("/feeds/all/page-2.atom%00")]
    public async Task NoRequestPathReachesAFileOutsideThePublishedPages(string target)
    {
        // feeds.json sits beside the output folder; only exact published paths are ever read.
        Assert.True(File.Exists(Sample.ConfigPath));
        Assert.Contains(await Sample.RawStatusAsync("GET", target), new[] { 400, 404 });
    }
}
