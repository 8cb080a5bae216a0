using Aggregator.Model;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage.Contract;

/// <summary>Per-source fetch state, backoff and pauses.</summary>
public abstract partial class ArticleStoreContract
{
    private static FetchOutcome Ok(string? etag = "\"v1\"") => new()
    {
        Status = FetchStatus.Fetched,
        HttpStatus = 200,
        ETag = etag,
        LastModified = "Thu, 13 May 2021 20:34:00 GMT",
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
        Assert.Equal(SourceHealth.Unknown("nowhere"), await Store.GetHealthAsync("nowhere", None));
    }

    [Fact]
    public async Task ASuccessStoresTheValidatorsAndTheArticleCount()
    {
        await IngestAsync(Source("stcn"), new Support.ArticleBuilder().Key("a").Build());

        await Store.RecordPollAsync(Source("stcn"), Ok(), null, Time.GetUtcNow(), None);

        var health = await Store.GetHealthAsync("stcn", None);
        Assert.Equal("\"v1\"", health.ETag);
        Assert.Equal("Thu, 13 May 2021 20:34:00 GMT", health.LastModified);
        Assert.Equal(Time.GetUtcNow(), health.LastSuccess);
        Assert.Equal(200, health.LastHttpStatus);
        Assert.Equal(1, health.ArticleCount);
        Assert.Equal(health, Assert.Single(await Store.GetAllHealthAsync(None)));
    }

    [Fact]
    public async Task NotModifiedWritesOnlyTheHealthRecordAndKeepsTheValidators()
    {
        await Store.RecordPollAsync(Source("stcn"), Ok(), null, Time.GetUtcNow(), None);
        var before = await RowsWrittenAsync();
        Time.Advance(TimeSpan.FromMinutes(10));

        await Store.RecordPollAsync(Source("stcn"), new FetchOutcome { Status = FetchStatus.NotModified, HttpStatus = 304 }, null, Time.GetUtcNow(), None);

        Assert.Equal(before + 1, await RowsWrittenAsync());
        var health = await Store.GetHealthAsync("stcn", None);
        Assert.Equal("\"v1\"", health.ETag);
        Assert.Equal(304, health.LastHttpStatus);
        Assert.Equal(Time.GetUtcNow(), health.LastSuccess);
    }

    [Fact]
    public async Task WhenTwoFailuresHaveOccurredTheIntervalBacksOff()
    {
        var at = Time.GetUtcNow();

        await Store.RecordPollAsync(Source("stcn"), Failure(), null, at, None);
        var first = await Store.GetHealthAsync("stcn", None);
        await Store.RecordPollAsync(Source("stcn"), Failure(), null, at.AddMinutes(5), None);
        var second = await Store.GetHealthAsync("stcn", None);

        Assert.Equal(at.AddMinutes(1), first.NextAttemptAfter);
        Assert.Equal(2, second.ConsecutiveFailures);
        Assert.Equal(at.AddMinutes(5 + 2), second.NextAttemptAfter);
        Assert.Equal("fetch: stcn answered HTTP 503.", second.LastError);
        Assert.False(second.Paused);
    }

    [Fact]
    public async Task RetryAfterLaterThanTheBackoffIsHonoured()
    {
        var at = Time.GetUtcNow();

        await Store.RecordPollAsync(Source("stcn"), Failure(429, at.AddHours(2)), null, at, None);

        Assert.Equal(at.AddHours(2), (await Store.GetHealthAsync("stcn", None)).NextAttemptAfter);
    }

    [Fact]
    public async Task ASourcePausesAfterTheConfiguredFailuresAndResumingLiftsThePause()
    {
        await ReopenAsync(new StorageOptions { PauseAfterFailures = 3 });
        var at = Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
            await Store.RecordPollAsync(Source("stcn"), Failure(), null, at.AddHours(i), None);
        var paused = await Store.GetHealthAsync("stcn", None);

        await Store.ResumeSourceAsync("stcn", None);
        var resumed = await Store.GetHealthAsync("stcn", None);

        Assert.True(paused.Paused);
        Assert.Equal(3, paused.ConsecutiveFailures);
        Assert.False(resumed.Paused);
        Assert.Null(resumed.NextAttemptAfter);
    }

    [Fact]
    public async Task AParseErrorCountsAsAFailureAndKeepsTheOldValidators()
    {
        await Store.RecordPollAsync(Source("stcn"), Ok(), null, Time.GetUtcNow(), None);

        await Store.RecordPollAsync(Source("stcn"), Ok(etag: "\"broken\""), "parse: stcn is not XML (line 1).", Time.GetUtcNow(), None);

        var health = await Store.GetHealthAsync("stcn", None);
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.Equal("\"v1\"", health.ETag);
        Assert.Equal("parse: stcn is not XML (line 1).", health.LastError);
    }

    [Fact]
    public async Task SyncingSourcesRegistersThemWithoutDeletingAny()
    {
        await Store.SyncSourcesAsync([Source("stcn"), Source("cls")], None);
        await Store.SyncSourcesAsync([Source("cls")], None);

        Assert.Equal(["cls", "stcn"], (await Store.GetAllHealthAsync(None)).Select(h => h.SourceId));
    }
}
