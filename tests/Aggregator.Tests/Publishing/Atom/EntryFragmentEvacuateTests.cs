using System.Text;
using Aggregator.Publishing.Atom;
using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Publishing.Atom;

/// <summary>Entries kept as places in a page file the publish is about to replace are copied out of it first.</summary>
public sealed class EntryFragmentEvacuateTests : IDisposable
{
    private static readonly DateTimeOffset When = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly PublishingTempFolder _folder = new();

    [Fact]
    public void AnEvacuatedEntryIsStillFoundAfterItsPageFileIsReplaced()
    {
        var (cache, path) = SpilledCache("<feed><entry>kept</entry></feed>", Key("a"), offset: 6, length: 19);

        Assert.Equal(1, cache.Evacuate(path, new PageFileReader()));
        File.WriteAllText(path, "<feed>something else entirely</feed>");

        Assert.True(cache.TryGet(Key("a"), new PageFileReader(), out var fragment));
        Assert.Equal("<entry>kept</entry>", Encoding.UTF8.GetString(fragment.Span));
        Assert.Equal(1, cache.InMemoryCount);
    }

    [Fact]
    public void AnEntryWhosePageFileNoLongerHoldsItIsForgottenInsteadOfCopied()
    {
        var (cache, path) = SpilledCache("<feed><entry>kept</entry></feed>", Key("a"), offset: 6, length: 19);
        File.WriteAllText(path, "<feed>edited by hand, longer than before</feed>");

        Assert.Equal(0, cache.Evacuate(path, new PageFileReader()));

        Assert.False(cache.TryGet(Key("a"), new PageFileReader(), out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void EntriesOfOtherFilesStayWhereTheyAre()
    {
        var (cache, path) = SpilledCache("<feed><entry>kept</entry></feed>", Key("a"), offset: 6, length: 19);

        Assert.Equal(0, cache.Evacuate(path + ".other", new PageFileReader()));

        Assert.Equal(0, cache.InMemoryCount);
        Assert.True(cache.TryGet(Key("a"), new PageFileReader(), out _));
    }

    private (EntryFragmentCache Cache, string Path) SpilledCache(string document, LatestArticleKey key, int offset, int length)
    {
        var cache = new EntryFragmentCache();
        cache.Begin("context");
        var bytes = Encoding.UTF8.GetBytes(document);
        cache.Place(key, bytes, offset, length, "feeds/x/page-2.atom", firstPage: false);
        var path = _folder.File("page-2.atom");
        File.WriteAllBytes(path, bytes);
        cache.Spill(null, (_, documentLength) => SpilledPage.Of(path) is { } file && file.Length == documentLength ? file : null);
        Assert.Equal(0, cache.InMemoryCount);
        return (cache, path);
    }

    private static LatestArticleKey Key(string id) =>
        new() { ArticleId = id, Published = When, FirstSeen = When, LastChanged = When, Version = "v1" };

    public void Dispose() => _folder.Dispose();
}
