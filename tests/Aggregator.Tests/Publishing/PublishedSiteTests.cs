using System.Text;
using Aggregator.Publishing;

namespace Aggregator.Tests.Publishing;

public sealed class PublishedSiteTests
{
    private static PublishedFile File(string path, string text) =>
        new(path, Encoding.UTF8.GetBytes(text), "application/atom+xml; charset=utf-8", null);

    [Fact]
    public void UnchangedFilesShareThePreviousPublishsBytesAndChangedOnesKeepTheirOwn()
    {
        var previous = new PublishedSite([File("feeds/all.atom", "one"), File("feeds/all/page-2.atom", "archive"), File("index.html", "index")]);
        var next = new PublishedSite([File("feeds/all.atom", "two"), File("feeds/all/page-2.atom", "archive"), File("sources.opml", "opml")]);

        var shared = next.SharingBytesWith(previous);

        Assert.Same(previous.Find("feeds/all/page-2.atom")!.Content, shared.Find("feeds/all/page-2.atom")!.Content);
        Assert.Same(next.Find("feeds/all.atom")!.Content, shared.Find("feeds/all.atom")!.Content);
        Assert.Equal("two", Encoding.UTF8.GetString(shared.Find("feeds/all.atom")!.Content));
        Assert.Same(next.Find("sources.opml")!.Content, shared.Find("sources.opml")!.Content);
        Assert.Null(shared.Find("index.html"));
        Assert.Equal(next.Files.Select(f => f.Path), shared.Files.Select(f => f.Path));
    }

    [Fact]
    public void TheFirstPublishIsKeptAsItIs()
    {
        var site = new PublishedSite([File("feeds/all.atom", "one")]);
        Assert.Same(site, site.SharingBytesWith(null));
    }
}
