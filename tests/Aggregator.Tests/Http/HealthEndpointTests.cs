using System.Net;
using System.Text.Json;
using Aggregator.Http;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Http;

public sealed class HealthEndpointTests
{
    private static readonly string[] SourceFields =
    [
        "id", "title", "url", "enabled", "lastAttempt", "lastSuccess", "lastHttpStatus", "consecutiveFailures",
        "lastError", "nextAttemptAfter", "paused", "permanentRedirect", "articleCount",
    ];

    [Fact]
    public async Task HealthListsEverySourceAndIsOkWhenEveryPollSucceeded()
    {
        using var sample = new HttpServedSample();
        await sample.InitializeAsync();
        try
        {
            using var response = await sample.Client.GetAsync("health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            Assert.Equal("ok", root.GetProperty("status").GetString());
            Assert.True(root.GetProperty("configuration").GetProperty("valid").GetBoolean());
            var sources = root.GetProperty("sources").EnumerateArray().ToList();
            Assert.Equal(sample.Settings.Sources.Select(s => s.Id), sources.Select(s => s.GetProperty("id").GetString()));
            foreach (var source in sources)
            {
                Assert.Equal(SourceFields, source.EnumerateObject().Select(p => p.Name));
                Assert.True(source.GetProperty("articleCount").GetInt64() > 0);
                Assert.Equal(0, source.GetProperty("consecutiveFailures").GetInt32());
                Assert.NotEqual(JsonValueKind.Null, source.GetProperty("lastSuccess").ValueKind);
            }
        }
        finally
        {
            await sample.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARefusedReloadMakesHealthDegradedAndShowsTheError()
    {
        using var sample = new HttpServedSample();
        await sample.InitializeAsync();
        try
        {
            var status = sample.Services.GetRequiredService<ConfigurationStatus>();
            status.SetError("feeds.json:12:5: sources[2].url: 'htp://x' is not an absolute http(s) or file: URL");
            using var response = await sample.Client.GetAsync("health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("degraded", json.RootElement.GetProperty("status").GetString());
            var configuration = json.RootElement.GetProperty("configuration");
            Assert.False(configuration.GetProperty("valid").GetBoolean());
            Assert.StartsWith("feeds.json:12:5:", configuration.GetProperty("error").GetString(), StringComparison.Ordinal);

            status.SetError(null);
            using var fixedResponse = await sample.Client.GetAsync("health");
            using var fixedJson = JsonDocument.Parse(await fixedResponse.Content.ReadAsStringAsync());
            Assert.Equal("ok", fixedJson.RootElement.GetProperty("status").GetString());
        }
        finally
        {
            await sample.DisposeAsync();
        }
    }

    [Fact]
    public async Task HealthIsFailingWith503WhenEveryEnabledSourceFails()
    {
        using var sample = new HttpServedSample();
        var samples = File.ReadAllText(Path.Combine(HttpServedSample.SamplesDirectory(), "feeds.json"));
        await sample.StartAsync(samples.Replace("file:recorded/", "file:missing/", StringComparison.Ordinal));
        try
        {
            using var response = await sample.Client.GetAsync("health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("failing", json.RootElement.GetProperty("status").GetString());
            Assert.All(json.RootElement.GetProperty("sources").EnumerateArray(), source =>
            {
                Assert.Equal(1, source.GetProperty("consecutiveFailures").GetInt32());
                Assert.False(string.IsNullOrEmpty(source.GetProperty("lastError").GetString()));
            });

            // The feeds are still served (empty), so readers keep getting valid documents.
            using var feed = await sample.Client.GetAsync("feeds/all.atom");
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        }
        finally
        {
            await sample.DisposeAsync();
        }
    }
}
