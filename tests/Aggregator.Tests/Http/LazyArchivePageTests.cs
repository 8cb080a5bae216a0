using System.IO.Compression;
using System.Text;
using Aggregator.Http;
using Aggregator.Publishing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Http;

public sealed class LazyArchivePageTests
{
    [Fact]
    public void AnArchivePageCompressedOnFirstRequestDecompressesToItsBytes()
    {
        var text = string.Concat(Enumerable.Repeat("<entry><title>沪指收涨1.2%</title></entry>\n", 200));
        var served = new ServedSite(Options.Create(new HttpOptions { BrotliQuality = 5 }), TimeProvider.System, NullLogger<ServedSite>.Instance);
        served.Update(new PublishedSite([
            new PublishedFile("feeds/all.atom", Encoding.UTF8.GetBytes(text), "application/atom+xml; charset=utf-8", null),
            new PublishedFile("feeds/all/page-2.atom", Encoding.UTF8.GetBytes(text), "application/atom+xml; charset=utf-8", null),
        ]));

        var page = served.Find("/feeds/all/page-2.atom")!;
        var feed = served.Find("/feeds/all.atom")!;

        using (var gzip = new GZipStream(new MemoryStream(page.Gzip.Body), CompressionMode.Decompress))
            Assert.Equal(text, new StreamReader(gzip, Encoding.UTF8).ReadToEnd());
        using (var brotli = new BrotliStream(new MemoryStream(page.Brotli.Body), CompressionMode.Decompress))
            Assert.Equal(text, new StreamReader(brotli, Encoding.UTF8).ReadToEnd());
        Assert.Same(page.Brotli, page.Brotli);
        Assert.Equal(feed.Brotli.Body, page.Brotli.Body);
        Assert.Equal(page.Identity.ETagText.TrimEnd('"') + "-br\"", page.Brotli.ETagText);
    }
}
