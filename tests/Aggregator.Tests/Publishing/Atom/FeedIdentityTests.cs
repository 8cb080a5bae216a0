using Aggregator.Publishing;
using Aggregator.Publishing.Atom;

namespace Aggregator.Tests.Publishing.Atom;

public sealed class FeedIdentityTests
{
    [Fact]
    public void NameBasedUuidMatchesTheRfc4122VersionFiveVector()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com")
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedUuid.Create(dns, "www.example.com"));
    }

    [Fact]
    public void EntryIdDependsOnlyOnTheArticleId()
    {
        Assert.Equal(NameBasedUuid.EntryUrn("article-1"), NameBasedUuid.EntryUrn("article-1"));
        Assert.NotEqual(NameBasedUuid.EntryUrn("article-1"), NameBasedUuid.EntryUrn("article-2"));
        Assert.StartsWith("urn:uuid:", NameBasedUuid.EntryUrn("article-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void FeedIdIsATagUriWithAFixedDateAndTheBasePath()
    {
        Assert.Equal("tag:news.example.org,2021:feeds/all", FeedIdentity.FeedId(new Uri("https://News.Example.org/"), "all"));
        Assert.Equal("tag:example.org,2021:news/feeds/finance", FeedIdentity.FeedId(new Uri("https://example.org/news"), "finance"));
    }

    [Fact]
    public void FeedIdOfAnIpv6HostIsStillAnAbsoluteUri()
    {
        var id = FeedIdentity.FeedId(new Uri("http://[::1]:8080/"), "all");

        Assert.StartsWith("urn:uuid:", id, StringComparison.Ordinal);
        Assert.Equal(id, FeedIdentity.FeedId(new Uri("http://[::1]:8080/"), "all"));
    }
}
