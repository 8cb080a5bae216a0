using Aggregator.Model;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>The per-poll reads a re-poll depends on: the known hashes of a feed's entries and the health before a fetch.</summary>
public abstract partial class ArticleStoreContract
{
    private static Article Numbered(int i) => new ArticleBuilder()
        .Key($"entry-{i}")
        .Link($"https://www.stcn.com/article/{i}.html")
        .Title($"{i:D4} headline of its own about topic {i}")
        .Body($"Body {i}: nothing like any other body here, number {i * 7919}.")
        .Build();

    [Fact]
    public async Task KnownContentHashesAnswerForMoreKeysThanOneLookupHolds()
    {
        var articles = Enumerable.Range(0, 150).Select(Numbered).ToArray();
        await IngestAsync(Source("stcn"), articles);
        // Stored and unknown keys interleaved, more than one statement's worth (64) of each.
        var keys = Enumerable.Range(0, 150).SelectMany(i => new[] { $"entry-{i}", $"unknown-{i}" }).ToList();

        var known = await Store.GetKnownContentHashesAsync("stcn", keys, None);

        Assert.Equal(150, known.Count);
        foreach (var article in articles)
            Assert.Equal(article.ContentHash, known[article.EntryKey]);
    }

    [Fact]
    public async Task KnownContentHashesMatchKeysWithQuotesBackslashesAndNonAsciiExactly()
    {
        string[] odd = ["say \"hi\"", "back\\slash", "证券时报-1000387", "tab\tand 😀", "title:ab12"];
        var articles = odd.Select((key, i) => new ArticleBuilder().Key(key).Link($"https://odd.example.com/{i}").Title($"odd key story {i} of its own").Build()).ToArray();
        await IngestAsync(Source("odd"), articles);

        var known = await Store.GetKnownContentHashesAsync("odd", [.. odd, "say hi", "证券时报-1000388"], None);

        Assert.Equal(odd.Order(StringComparer.Ordinal), known.Keys.Order(StringComparer.Ordinal));
        foreach (var article in articles)
            Assert.Equal(article.ContentHash, known[article.EntryKey]);
    }

    [Fact]
    public async Task KnownContentHashesSeeAnUpdateStoredAfterAnEarlierRead()
    {
        await IngestAsync(Source("stcn"), new ArticleBuilder().Key("a").Body("first version").Build());
        var before = await Store.GetKnownContentHashesAsync("stcn", ["a"], None);

        var changed = new ArticleBuilder().Key("a").Body("second version").Build();
        await IngestAsync(Source("stcn"), changed);
        var after = await Store.GetKnownContentHashesAsync("stcn", ["a"], None);

        Assert.NotEqual(before["a"], after["a"]);
        Assert.Equal(changed.ContentHash, after["a"]);
    }

    [Fact]
    public async Task ConcurrentPollsReadTheirOwnSourcesHealthAndHashes()
    {
        var sources = Enumerable.Range(0, 12).Select(i => Source($"s{i}")).ToList();
        foreach (var source in sources)
        {
            await IngestAsync(source, new ArticleBuilder().From(source.Id).Key("a").Link($"https://{source.Id}.example.com/a").Title($"{source.Id} only story").Build());
            await Store.RecordPollAsync(source, new FetchOutcome { Status = FetchStatus.Fetched, HttpStatus = 200, ETag = $"\"{source.Id}\"" }, null, Time.GetUtcNow(), None);
        }

        var reads = await Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(async () =>
        {
            var id = sources[i % sources.Count].Id;
            var health = await Store.GetHealthAsync(id, None);
            var known = await Store.GetKnownContentHashesAsync(id, ["a", "b"], None);
            return (id, health, known);
        })));

        foreach (var (id, health, known) in reads)
        {
            Assert.Equal($"\"{id}\"", health.ETag);
            Assert.Equal(1, health.ArticleCount);
            Assert.Equal("a", Assert.Single(known).Key);
        }
    }

    [Fact]
    public async Task RecordingAPollOfANewSourceRegistersIt()
    {
        await Store.RecordPollAsync(Source("fresh"), new FetchOutcome { Status = FetchStatus.Fetched, HttpStatus = 200 }, null, Time.GetUtcNow(), None);

        var health = await Store.GetHealthAsync("fresh", None);

        Assert.Equal(Time.GetUtcNow(), health.LastSuccess);
        Assert.Equal("fresh", Assert.Single(await Store.GetAllHealthAsync(None)).SourceId);
    }
}
