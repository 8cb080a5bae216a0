using System.Text;
using Aggregator.Publishing;

namespace Aggregator.Tests.Publishing;

public sealed class PublishedSiteTests
{
    private static PublishedFile File(string path, string text) =>
        new(path, Encoding.UTF8.GetBytes(text), "application/atom+xml; charset=utf-8", null);

    [Fact]
    public void FilesAreFoundByTheirExactPathInTheirOrder()
    {
        var site = new PublishedSite([File("feeds/all.atom", "one"), File("feeds/all/page-2.atom", "archive"), File("index.html", "index")]);

        Assert.Equal("archive", Encoding.UTF8.GetString(site.Find("feeds/all/page-2.atom")!.Content));
        Assert.Null(site.Find("/feeds/all.atom"));
        Assert.Equal(["feeds/all.atom", "feeds/all/page-2.atom", "index.html"], site.Files.Select(f => f.Path));
    }

    [Fact]
    public void APathProducedTwiceIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PublishedSite([File("feeds/all.atom", "one"), File("feeds/all.atom", "two")]));
        Assert.Contains("feeds/all.atom", error.Message, StringComparison.Ordinal);
    }
}
