using Aggregator.Model;
using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Storage;

public sealed class SourceHealthTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly SourceDefinition Stcn = StorageTestStore.Source("stcn");

    private static FetchOutcome Ok(string? etag = "\"v1\"", string? lastModified = "Thu, 13 May 2021 20:34:00 GMT") => new()
    {
        Status = FetchStatus.Fetched,
        HttpStatus = 200,
        ETag = etag,
        LastModified = lastModified,
    };

    private static FetchOutcome Failure(int status = 503, DateTimeOffset? retryAfter = null) => new()
    {
        Status = FetchStatus.Failed,
        HttpStatus = status,
        Error = $"fetch: stcn answered HTTP {status}.",
        RetryAfter = retryAfter,
    };

    [Fact]
    public async Task ASourceNeverPolledHasUnknownHealth()
    {
        await using var test = await StorageTestStore.CreateAsync();

        var health = await test.Store.GetHealthAsync("nowhere", None);

        Assert.Equal(SourceHealth.Unknown("nowhere"), health);
    }

    [Fact]
    public async Task ASuccessStoresTheValidatorsAndTheArticleCount()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.IngestAsync(Stcn, new ArticleBuilder().Key("a").Build());

        await test.Store.RecordPollAsync(Stcn, Ok(), null, test.Time.GetUtcNow(), None);

        var health = await test.Store.GetHealthAsync("stcn", None);
        Assert.Equal("\"v1\"", health.ETag);
        Assert.Equal("Thu, 13 May 2021 20:34:00 GMT", health.LastModified);
        Assert.Equal(test.Time.GetUtcNow(), health.LastSuccess);
        Assert.Equal(200, health.LastHttpStatus);
        Assert.Equal(1, health.ArticleCount);
        Assert.Equal(health, Assert.Single(await test.Store.GetAllHealthAsync(None)));
    }

    [Fact]
    public async Task NotModifiedWritesOnlyTheHealthRecordAndKeepsTheValidators()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.Store.RecordPollAsync(Stcn, Ok(), null, test.Time.GetUtcNow(), None);
        var before = await test.RowsWrittenAsync();
        test.Time.Advance(TimeSpan.FromMinutes(10));

        await test.Store.RecordPollAsync(Stcn, new FetchOutcome { Status = FetchStatus.NotModified, HttpStatus = 304 }, null, test.Time.GetUtcNow(), None);

        Assert.Equal(before + 1, await test.RowsWrittenAsync());
        var health = await test.Store.GetHealthAsync("stcn", None);
        Assert.Equal("\"v1\"", health.ETag);
        Assert.Equal(304, health.LastHttpStatus);
        Assert.Equal(test.Time.GetUtcNow(), health.LastSuccess);
    }

    [Fact]
    public async Task WhenTwoFailuresHaveOccurredTheIntervalBacksOff()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var at = test.Time.GetUtcNow();

        await test.Store.RecordPollAsync(Stcn, Failure(), null, at, None);
        var first = await test.Store.GetHealthAsync("stcn", None);
        await test.Store.RecordPollAsync(Stcn, Failure(), null, at.AddMinutes(5), None);
        var second = await test.Store.GetHealthAsync("stcn", None);

        Assert.Equal(at.AddMinutes(1), first.NextAttemptAfter);
        Assert.Equal(2, second.ConsecutiveFailures);
        Assert.Equal(at.AddMinutes(5 + 2), second.NextAttemptAfter);
        Assert.Equal("fetch: stcn answered HTTP 503.", second.LastError);
        Assert.False(second.Paused);
    }

    [Fact]
    public async Task RetryAfterLaterThanTheBackoffIsHonoured()
    {
        await using var test = await StorageTestStore.CreateAsync();
        var at = test.Time.GetUtcNow();

        await test.Store.RecordPollAsync(Stcn, Failure(429, at.AddHours(2)), null, at, None);

        Assert.Equal(at.AddHours(2), (await test.Store.GetHealthAsync("stcn", None)).NextAttemptAfter);
    }

    [Fact]
    public async Task ASourcePausesAfterTheConfiguredFailuresAndASuccessResetsIt()
    {
        await using var test = await StorageTestStore.CreateAsync(new StorageOptions { PauseAfterFailures = 3 });
        var at = test.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
            await test.Store.RecordPollAsync(Stcn, Failure(), null, at.AddHours(i), None);
        var paused = await test.Store.GetHealthAsync("stcn", None);

        await test.Store.RecordPollAsync(Stcn, Ok(), null, at.AddHours(4), None);
        var recovered = await test.Store.GetHealthAsync("stcn", None);

        Assert.True(paused.Paused);
        Assert.Equal(3, paused.ConsecutiveFailures);
        Assert.False(recovered.Paused);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Null(recovered.NextAttemptAfter);
        Assert.Null(recovered.LastError);
    }

    [Fact]
    public async Task ResumingAPausedSourceAllowsTheNextPollAtOnce()
    {
        await using var test = await StorageTestStore.CreateAsync(new StorageOptions { PauseAfterFailures = 1 });
        await test.Store.RecordPollAsync(Stcn, Failure(), null, test.Time.GetUtcNow(), None);

        await test.Store.ResumeSourceAsync("stcn", None);

        var health = await test.Store.GetHealthAsync("stcn", None);
        Assert.False(health.Paused);
        Assert.Null(health.NextAttemptAfter);
    }

    [Fact]
    public async Task AParseErrorCountsAsAFailureAndKeepsTheOldValidators()
    {
        await using var test = await StorageTestStore.CreateAsync();
        await test.Store.RecordPollAsync(Stcn, Ok(), null, test.Time.GetUtcNow(), None);

        await test.Store.RecordPollAsync(Stcn, Ok(etag: "\"broken\""), "parse: stcn is not XML (line 1).", test.Time.GetUtcNow(), None);

        var health = await test.Store.GetHealthAsync("stcn", None);
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.Equal("\"v1\"", health.ETag);
        Assert.Equal("parse: stcn is not XML (line 1).", health.LastError);
    }

    [Fact]
    public async Task APermanentRedirectIsReported()
    {
        await using var test = await StorageTestStore.CreateAsync();

        await test.Store.RecordPollAsync(Stcn, Ok() with { PermanentRedirect = new Uri("https://new.stcn.com/rss.xml") }, null, test.Time.GetUtcNow(), None);

        Assert.Equal("https://new.stcn.com/rss.xml", (await test.Store.GetHealthAsync("stcn", None)).PermanentRedirect);
    }
}
