using System.IO.Compression;
using System.Text;
using Aggregator.Http;
using Aggregator.Publishing;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Http;

public sealed class ArchivePageReaderTests : IDisposable
{
    private static readonly DateTimeOffset Dated = new(2026, 11, 27, 9, 30, 15, TimeSpan.Zero);
    private readonly TempDirectory folder = new();

    [Fact]
    public async Task APageIsReadFromItsFileAndCompressedOnRequest()
    {
        var text = string.Concat(Enumerable.Repeat("<entry><title>沪指收涨1.2%</title></entry>\n", 200));
        var page = Publish("feeds/all/page-2.atom", text);
        var reader = Reader(1024 * 1024);

        var identity = await reader.ReadAsync(page, ContentCoding.Identity, CancellationToken.None);
        var gzip = await reader.ReadAsync(page, ContentCoding.Gzip, CancellationToken.None);
        var brotli = await reader.ReadAsync(page, ContentCoding.Brotli, CancellationToken.None);

        Assert.Equal(text, Encoding.UTF8.GetString(identity.Body!));
        using (var stream = new GZipStream(new MemoryStream(gzip.Body!), CompressionMode.Decompress))
            Assert.Equal(text, new StreamReader(stream, Encoding.UTF8).ReadToEnd());
        using (var stream = new BrotliStream(new MemoryStream(brotli.Body!), CompressionMode.Decompress))
            Assert.Equal(text, new StreamReader(stream, Encoding.UTF8).ReadToEnd());
        Assert.Equal([$"\"{page.Hash}\"", $"\"{page.Hash}-gz\"", $"\"{page.Hash}-br\""], new[] { identity.ETag, gzip.ETag, brotli.ETag });
        Assert.All(new[] { identity, gzip, brotli }, body => Assert.Equal(Dated, body.LastModified));
        // A second request takes the kept bytes.
        Assert.Same(brotli.Body, (await reader.ReadAsync(page, ContentCoding.Brotli, CancellationToken.None)).Body);
    }

    [Fact]
    public async Task TheKeptBytesStayWithinTheConfiguredBound()
    {
        var pages = Enumerable.Range(2, 6).Select(k => Publish($"feeds/all/page-{k}.atom", new string((char)('a' + k), 1000))).ToList();
        var reader = Reader(2500);

        foreach (var page in pages)
        {
            Assert.NotNull((await reader.ReadAsync(page, ContentCoding.Identity, CancellationToken.None)).Body);
            Assert.InRange(reader.Cache.Bytes, 0, 2500);
        }
        Assert.Equal(2, reader.Cache.Count);
    }

    [Fact]
    public async Task AMissingFileGivesAnErrorNamingThePageInsteadOfAnException()
    {
        var page = Publish("feeds/all/page-2.atom", "<feed/>");
        File.Delete(page.FullPath);

        var body = await Reader(1024).ReadAsync(page, ContentCoding.Gzip, CancellationToken.None);

        Assert.Null(body.Body);
        Assert.Contains("feeds/all/page-2.atom", body.Error, StringComparison.Ordinal);
        Assert.Contains("missing", body.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileReplacedAfterThePublishIsServedWithValidatorsOfItsOwnBytesAndNotKept()
    {
        var page = Publish("feeds/all/page-2.atom", "<feed>old</feed>");
        await File.WriteAllTextAsync(page.FullPath, "<feed>newer</feed>");
        var reader = Reader(1024);

        var body = await reader.ReadAsync(page, ContentCoding.Identity, CancellationToken.None);

        Assert.Equal("<feed>newer</feed>", Encoding.UTF8.GetString(body.Body!));
        Assert.Equal($"\"{ContentCompression.Hash(body.Body)}\"", body.ETag);
        Assert.NotEqual($"\"{page.Hash}\"", body.ETag);
        Assert.Equal(0, reader.Cache.Count);
    }

    private ArchivePage Publish(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var full = Path.Combine(folder.Path, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        var served = new ServedSite(Options.Create(new HttpOptions()), Options.Create(new PublishingOptions { OutputDirectory = folder.Path }), TimeProvider.System, NullLogger<ServedSite>.Instance);
        served.Update(new PublishedSite([new PublishedFile(path, bytes, "application/atom+xml; charset=utf-8", Dated)]));
        return served.FindArchivePage("/" + path)!;
    }

    private static ArchivePageReader Reader(long cacheBytes) =>
        new(Options.Create(new HttpOptions { ArchivePageCacheBytes = cacheBytes, BrotliQuality = 5 }), NullLogger<ArchivePageReader>.Instance);

    public void Dispose() => folder.Dispose();
}
