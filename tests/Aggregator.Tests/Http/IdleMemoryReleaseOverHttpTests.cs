using System.Net;
using Aggregator.Http;
using Aggregator.Storage;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Http;

/// <summary>`serve`'s idle release (store caches, identity bytes) while requests and reads go on.</summary>
public sealed class IdleMemoryReleaseOverHttpTests : IAsyncLifetime, IDisposable
{
    private readonly HttpServedSample sample = new();

    public Task InitializeAsync() => sample.InitializeAsync();

    public Task DisposeAsync() => sample.DisposeAsync();

    public void Dispose() => sample.Dispose();

    [Fact]
    public async Task EveryInMemoryFileIsServedWithItsBytesInEachEncodingAfterARelease()
    {
        var release = Release();
        release.ReleaseNow();
        var site = sample.Services.GetRequiredService<ServedSite>();
        Assert.All(sample.Services.GetRequiredService<ServedSite>().Source!.Files.Select(p => site.Find("/" + p)).OfType<ServedFile>(), f => Assert.False(f.HoldsIdentity));

        foreach (var path in new[] { "feeds/all.atom", "index.html", "sources.opml" })
        {
            var onDisk = await File.ReadAllBytesAsync(Path.Combine(sample.OutputDirectory, path));
            foreach (var coding in new[] { "identity", "gzip", "br" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
                using var response = await sample.Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(onDisk, HttpContentCoding.Decode(await response.Content.ReadAsByteArrayAsync(), coding));
            }
            Assert.True(site.Find("/" + path)!.HoldsIdentity);
        }
    }

    [Fact]
    public async Task ReleasesWhileRequestsArriveNeverChangeWhatIsServed()
    {
        const string path = "feeds/all.atom";
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(sample.OutputDirectory, path));
        var release = Release();
        using var stop = new CancellationTokenSource();
        var releases = 0;
        var releasing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                release.ReleaseNow();
                releases++;
                await Task.Yield();
            }
        });

        var codings = new[] { "identity", "gzip", "br", "identity" };
        var clients = codings.Select(coding => Task.Run(async () =>
        {
            var etags = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < 40; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
                using var response = await sample.Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(onDisk, HttpContentCoding.Decode(await response.Content.ReadAsByteArrayAsync(), coding));
                etags.Add(response.Headers.ETag!.Tag);
            }
            return (coding, etags);
        })).ToList();
        var seen = (await Task.WhenAll(clients)).GroupBy(c => c.coding).Select(g => g.SelectMany(c => c.etags).Distinct().Count()).ToList();
        await stop.CancelAsync();
        await releasing;

        Assert.All(seen, count => Assert.Equal(1, count));
        Assert.True(releases > 1, "the release must have run while the requests did");
    }

    [Fact]
    public async Task TheStoreAnswersReadsAndWritesAfterItsCachesWereReleased()
    {
        var store = await sample.Services.GetRequiredService<Task<IArticleStore>>();
        var before = await store.GetStatisticsAsync(CancellationToken.None);

        var (sqliteBefore, sqliteAfter) = ((IReleasesIdleMemory)store).ReleaseIdleMemory();

        Assert.True(sqliteAfter <= sqliteBefore, $"SQLite held {sqliteAfter} bytes after the release, {sqliteBefore} before");
        var after = await store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(before.Articles, after.Articles);
        await store.SyncSourcesAsync(sample.Settings.Sources, CancellationToken.None);
        using var response = await sample.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private IdleMemoryRelease Release() =>
        sample.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<IdleMemoryRelease>().Single();
}
