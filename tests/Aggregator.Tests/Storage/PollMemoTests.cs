using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public sealed class PollMemoTests
{
    private static readonly Dictionary<string, string> StoredA = new() { ["a"] = "0123456789abcdef00ff00ff00ff00ff" };

    private static HealthRow Row(string sourceId, string etag) => new() { SourceId = sourceId, ETag = etag, ArticleCount = 1 };

    private static PollMemo Filled(string sourceId, IReadOnlyCollection<string> keys, IReadOnlyDictionary<string, string> known, int capacity = PollMemo.DefaultCapacity)
    {
        var memo = new PollMemo(capacity);
        memo.FillHashes(sourceId, memo.HashesVersion(sourceId), keys, known);
        return memo;
    }

    [Fact]
    public void HashesAreAnsweredWhenEveryKeyWasAskedAboutBefore()
    {
        var memo = Filled("stcn", ["a", "b"], StoredA);

        var known = memo.Hashes("stcn", ["b", "a"]);

        // "b" was asked about and is not stored: absent from the answer, as from the database.
        Assert.NotNull(known);
        Assert.Equal(StoredA, known);
    }

    [Fact]
    public void AKeyNeverAskedAboutSendsTheLookupToTheDatabase()
    {
        var memo = Filled("stcn", ["a"], StoredA);

        Assert.Null(memo.Hashes("stcn", ["a", "new"]));
        Assert.Null(memo.Hashes("other", ["a"]));
    }

    [Fact]
    public void AReadThatRacedAChangeOfTheSourcesEntriesIsNotKept()
    {
        var memo = new PollMemo();
        var version = memo.HashesVersion("stcn");

        memo.EntriesChanged("stcn"); // a write committed while the read ran
        memo.FillHashes("stcn", version, ["a"], StoredA);

        Assert.Null(memo.Hashes("stcn", ["a"]));
    }

    [Fact]
    public void AReadThatRacedAClearIsNotKeptEvenForASourceNotSeenBefore()
    {
        var memo = new PollMemo();
        var version = memo.HashesVersion("stcn");
        memo.Clear();

        memo.FillHashes("stcn", version, ["a"], StoredA);

        Assert.Null(memo.Hashes("stcn", ["a"]));
    }

    [Fact]
    public void AChangeOfTheSourcesEntriesDropsItsHashesAndItsHealthRowButNoOtherSources()
    {
        var memo = Filled("stcn", ["a"], StoredA);
        memo.FillHashes("cls", memo.HashesVersion("cls"), ["a"], StoredA);
        memo.SetHealth("stcn", Row("stcn", "v1"), ("stcn news", "https://stcn.example.com/rss.xml", 100));

        memo.EntriesChanged("stcn");

        Assert.Null(memo.Hashes("stcn", ["a"]));
        Assert.Null(memo.Health("stcn")); // its row counts the entries
        Assert.NotNull(memo.Hashes("cls", ["a"]));
    }

    [Fact]
    public void AChangeOfTheSourceRowDropsItsHealthAndRegistrationButKeepsItsHashes()
    {
        var memo = Filled("stcn", ["a"], StoredA);
        memo.SetHealth("stcn", Row("stcn", "v1"), ("stcn news", "https://stcn.example.com/rss.xml", 100));
        Assert.True(memo.Registered("stcn", "stcn news", "https://stcn.example.com/rss.xml", 100));

        memo.SourceChanged("stcn");

        Assert.Null(memo.Health("stcn"));
        Assert.False(memo.Registered("stcn", "stcn news", "https://stcn.example.com/rss.xml", 100));
        Assert.NotNull(memo.Hashes("stcn", ["a"]));
    }

    [Fact]
    public void ARegistrationWithAnotherTitleUrlOrPriorityIsNotTheOneStored()
    {
        var memo = new PollMemo();
        memo.SetHealth("stcn", Row("stcn", "v1"), ("stcn news", "https://stcn.example.com/rss.xml", 100));

        Assert.False(memo.Registered("stcn", "renamed", "https://stcn.example.com/rss.xml", 100));
        Assert.False(memo.Registered("stcn", "stcn news", "https://stcn.example.com/atom.xml", 100));
        Assert.False(memo.Registered("stcn", "stcn news", "https://stcn.example.com/rss.xml", 5));
    }

    [Fact]
    public void AHealthRowReadBeforeADropIsNotKept()
    {
        var memo = new PollMemo();
        var version = memo.HealthVersion("stcn");
        memo.SourceChanged("stcn");

        memo.FillHealth("stcn", version, Row("stcn", "old"));

        Assert.Null(memo.Health("stcn"));
    }

    [Fact]
    public void PastItsCapacityANewCopyIsNotKeptAndTheOthersStay()
    {
        var memo = new PollMemo(capacity: 5);
        string[] keys = ["a", "b", "c"];
        memo.FillHashes("one", memo.HashesVersion("one"), keys, StoredA);
        memo.FillHashes("two", memo.HashesVersion("two"), keys, StoredA);

        Assert.Equal(3, memo.Held);
        Assert.NotNull(memo.Hashes("one", keys));
        Assert.Null(memo.Hashes("two", keys));

        memo.FillHashes("one", memo.HashesVersion("one"), ["a", "b"], StoredA); // a source's own copy is replaced, not added to
        Assert.Equal(2, memo.Held);
    }

    [Fact]
    public void ManyKeysAreAnsweredWithExactlyTheStoredHashes()
    {
        var keys = Enumerable.Range(0, 500).Select(i => $"证券时报-{i}").ToList();
        var stored = keys.Where((_, i) => i % 3 != 0).ToDictionary(k => k, k => Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(System.Text.Encoding.UTF8.GetBytes(k))));
        var memo = Filled("stcn", keys, stored);

        Assert.Equal(stored, memo.Hashes("stcn", keys));
        Assert.Equal(500, memo.Held);
    }

    [Fact]
    public void HashesInAnotherFormAreLeftToTheDatabase()
    {
        // A SHA-256 from a store written before XxHash128, and an upper-case hash that would not come back the same.
        Assert.Null(Filled("old", ["a"], new Dictionary<string, string> { ["a"] = new string('a', 64) }).Hashes("old", ["a"]));
        Assert.Null(Filled("odd", ["a"], new Dictionary<string, string> { ["a"] = "0123456789ABCDEF00FF00FF00FF00FF" }).Hashes("odd", ["a"]));
    }

    [Fact]
    public void AFeedWithMoreKeysThanAnyFeedHoldsIsNotKept()
    {
        var keys = Enumerable.Range(0, PollMemo.MaxKeysPerSource + 1).Select(i => $"k{i}").ToList();
        var memo = Filled("dump", keys, new Dictionary<string, string>());

        Assert.Equal(0, memo.Held);
        Assert.Null(memo.Hashes("dump", keys));
    }
}
