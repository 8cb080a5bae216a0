using System.Text;
using Aggregator.Http;
using Aggregator.Publishing;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Http;

public sealed class ServedSiteTests
{
    private static readonly DateTimeOffset Dated = new(2026, 11, 27, 9, 30, 15, 250, TimeSpan.Zero);

    [Fact]
    public void UnchangedFilesAreReusedAndChangedOnesPreparedAgainOnTheNextPublish()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var served = new ServedSite(Options.Create(new HttpOptions { BrotliQuality = 5 }), clock, NullLogger<ServedSite>.Instance);
        served.Update(Site(("feeds/all.atom", "one", Dated), ("index.html", "index", null)));
        var firstFeed = served.Find("/feeds/all.atom")!;
        var firstIndex = served.Find("/")!;

        clock.Advance(TimeSpan.FromMinutes(5));
        served.Update(Site(("feeds/all.atom", "two", Dated.AddMinutes(1)), ("index.html", "index", null)));

        Assert.Same(firstIndex, served.Find("/index.html"));
        Assert.NotEqual(firstFeed.Identity.ETagText, served.Find("/feeds/all.atom")!.Identity.ETagText);
        Assert.Equal("two", Encoding.UTF8.GetString(served.Find("/feeds/all.atom")!.Identity.Body));
        // An undated file keeps the time its bytes were first served.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), served.Find("/")!.LastModified);
    }

    [Fact]
    public void LastModifiedIsTheFilesDataTimeInWholeSecondsAndEtagsDifferPerEncoding()
    {
        var served = new ServedSite(Options.Create(new HttpOptions()), TimeProvider.System, NullLogger<ServedSite>.Instance);
        served.Update(Site(("feeds/all.atom", "<feed/>", Dated)));
        var file = served.Find("/feeds/all.atom")!;

        Assert.Equal(Dated.AddMilliseconds(-250), file.LastModified);
        Assert.Equal("Fri, 27 Nov 2026 09:30:15 GMT", file.LastModifiedText.ToString());
        Assert.Equal(3, new[] { file.Identity.ETagText, file.Gzip.ETagText, file.Brotli.ETagText }.Distinct().Count());
        Assert.All(new[] { file.Identity, file.Gzip, file.Brotli }, v => Assert.Matches("^\"[0-9a-f]{32}(-gz|-br)?\"$", v.ETagText));
    }

    [Fact]
    public void PolledFilesAreCompressedAtPublishAndArchivePagesAreKeptAsTheirFilesOnly()
    {
        using var folder = new TempDirectory();
        var served = new ServedSite(Options.Create(new HttpOptions()), Options.Create(new PublishingOptions { OutputDirectory = folder.Path }), TimeProvider.System, NullLogger<ServedSite>.Instance);
        var page = string.Concat(Enumerable.Repeat("<entry>archived</entry>", 200));
        served.Update(Site(("feeds/all.atom", "<feed/>", Dated), ("feeds/all/page-2.atom", page, Dated), ("index.html", "index", null)));

        Assert.True(served.Find("/feeds/all.atom")!.IsCompressed);
        Assert.True(served.Find("/")!.IsCompressed);
        Assert.Null(served.Find("/feeds/all/page-2.atom"));
        var archive = served.FindArchivePage("/feeds/all/page-2.atom")!;
        Assert.Equal(Path.Combine(folder.Path, "feeds", "all", "page-2.atom"), archive.FullPath);
        Assert.Equal(ContentCompression.Hash(Encoding.UTF8.GetBytes(page)), archive.Hash);
        Assert.Equal(Dated.AddMilliseconds(-250), archive.LastModified);
        Assert.Null(served.FindArchivePage("/feeds/all.atom"));
        Assert.Equal(["feeds/all.atom", "feeds/all/page-2.atom", "index.html"], served.Source!.Files);
    }

    [Theory]
    [InlineData("feeds/all.atom")]
    [InlineData("//feeds/all.atom")]
    [InlineData("/feeds/all.atom/")]
    [InlineData("/feeds\\all.atom")]
    [InlineData("/./feeds/all.atom")]
    public void OnlyTheExactPublishedPathWithOneLeadingSlashIsFound(string path)
    {
        var served = new ServedSite(Options.Create(new HttpOptions()), TimeProvider.System, NullLogger<ServedSite>.Instance);
        served.Update(Site(("feeds/all.atom", "<feed/>", Dated)));
        Assert.NotNull(served.Find("/feeds/all.atom"));
        Assert.Null(served.Find(path));
    }

    [Fact]
    public void WhileIdleOnlyTheGzipBytesAreKeptAndTheOthersComeBackAsTheSameBytesUnderTheSameETags()
    {
        var served = new ServedSite(Options.Create(new HttpOptions { BrotliQuality = 5 }), TimeProvider.System, NullLogger<ServedSite>.Instance);
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"<entry>{i}</entry>"));
        served.Update(Site(("feeds/all.atom", text, Dated), ("index.html", "index", null)));
        var file = served.Find("/feeds/all.atom")!;
        var (identity, gzip, brotli) = (file.Identity, file.Gzip, file.Brotli);

        Assert.Equal(identity.Body.Length + brotli.Body.Length + served.Find("/")!.Identity.Body.Length + served.Find("/")!.Brotli.Body.Length, served.ReleaseIdleMemory());
        Assert.False(file.HoldsIdentity);
        Assert.False(file.IsCompressed);
        Assert.Same(gzip, file.Gzip);
        Assert.Equal(0, served.ReleaseIdleMemory());

        Assert.Equal(brotli.Body, file.Variant(ContentCoding.Brotli).Body);
        Assert.Equal(brotli.ETagText, file.Brotli.ETagText);
        Assert.False(file.HoldsIdentity);
        Assert.Equal(text, Encoding.UTF8.GetString(file.Variant(ContentCoding.Identity).Body));
        Assert.Equal(identity.ETagText, file.Identity.ETagText);
        Assert.True(file.HoldsIdentity);
        Assert.Equal("index", Encoding.UTF8.GetString(served.Find("/")!.Identity.Body));
    }

    [Fact]
    public void AFileWhoseGzipBytesWereNeverMadeKeepsItsIdentityBytes()
    {
        var body = "<feed/>"u8.ToArray();
        var file = new ServedFile("feeds/all.atom", "application/atom+xml", "00", Dated, body, 5);

        Assert.Equal(0, file.ReleaseIdle());
        Assert.Same(body, file.Identity.Body);
        Assert.Equal("<feed/>", Encoding.UTF8.GetString(ContentCompression.Gunzip(file.Gzip.Body, body.Length)));
    }

    [Fact]
    public void BeforeTheFirstPublishNothingIsFound()
    {
        var served = new ServedSite(Options.Create(new HttpOptions()), TimeProvider.System, NullLogger<ServedSite>.Instance);
        Assert.Null(served.Find("/"));
        Assert.Null(served.Source);
    }

    private static PublishedSite Site(params (string Path, string Text, DateTimeOffset? LastModified)[] files) =>
        new(files.Select(f => new PublishedFile(f.Path, Encoding.UTF8.GetBytes(f.Text), "application/atom+xml; charset=utf-8", f.LastModified)).ToList());
}
