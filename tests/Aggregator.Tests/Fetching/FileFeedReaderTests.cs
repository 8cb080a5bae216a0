using Aggregator.Model;

namespace Aggregator.Tests.Fetching;

public sealed class FileFeedReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("aggregator-fetch-").FullName;

    [Fact]
    public async Task FileUrlIsReadFromDiskWithItsUriAsLocation()
    {
        var path = Path.Combine(folder, "sample.xml");
        await File.WriteAllTextAsync(path, "<rss version=\"2.0\"><channel/></rss>");
        var url = new Uri(path);
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(url);

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(await File.ReadAllBytesAsync(path), outcome.Payload!.Content.ToArray());
        Assert.Equal(url, outcome.Payload.Location);
        Assert.Null(outcome.Payload.ContentType);
    }

    [Fact]
    public async Task UnchangedFileIsNotModifiedWhenItsTimeWasRemembered()
    {
        var path = Path.Combine(folder, "sample.xml");
        await File.WriteAllTextAsync(path, "<rss/>");
        await using var fetcher = new TestFetcher();
        var first = await fetcher.FetchAsync(new Uri(path));

        var second = await fetcher.FetchAsync(TestFetcher.Source(new Uri(path)), new FetchConditions(null, first.LastModified));

        Assert.NotNull(first.LastModified);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Payload);
    }

    [Fact]
    public async Task FileOverTheLimitFails()
    {
        var path = Path.Combine(folder, "big.xml");
        await File.WriteAllBytesAsync(path, new byte[4096]);
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(new Uri(path), maxBytes: 1024);

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal("fetch: body exceeds the 1 KiB limit", outcome.Error);
    }

    [Fact]
    public async Task MissingFileFailsWithItsPath()
    {
        var path = Path.Combine(folder, "absent.xml");
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(new Uri(path));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal($"fetch: file not found: {path}", outcome.Error);
    }

    [Fact]
    public async Task AFileChangedSinceItsTimeWasRememberedIsReadAgain()
    {
        var path = Path.Combine(folder, "sample.xml");
        await File.WriteAllTextAsync(path, "<rss/>");
        await using var fetcher = new TestFetcher();
        var first = await fetcher.FetchAsync(new Uri(path));
        await File.WriteAllTextAsync(path, "<rss version=\"2.0\"/>");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));

        var second = await fetcher.FetchAsync(TestFetcher.Source(new Uri(path)), new FetchConditions(null, first.LastModified));

        Assert.Equal(FetchStatus.Fetched, second.Status);
        Assert.NotEqual(first.LastModified, second.LastModified);
        Assert.Equal("<rss version=\"2.0\"/>"u8.ToArray(), second.Payload!.Content.ToArray());
    }

    [Fact]
    public async Task ADirectoryIsAFailureThatNamesIt()
    {
        var path = Directory.CreateDirectory(Path.Combine(folder, "feed.xml")).FullName;
        await using var fetcher = new TestFetcher();

        var outcome = await fetcher.FetchAsync(new Uri(path));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.StartsWith($"fetch: could not read {path}", outcome.Error);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
