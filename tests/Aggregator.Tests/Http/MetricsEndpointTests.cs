using System.Net;
using Aggregator.Http;
using Aggregator.Model;
using Aggregator.Pipeline;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Http;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task MetricsExposeThePollArticlePublishAndRequestCountersInPrometheusText()
    {
        using var sample = new HttpServedSample();
        await sample.InitializeAsync();
        try
        {
            var metrics = sample.Services.GetRequiredService<AggregatorMetrics>();
            var source = sample.Settings.Sources[0];
            metrics.RecordPoll(new PollReport { Source = source, Status = PollStatus.Ok });
            metrics.RecordPoll(new PollReport { Source = source, Status = PollStatus.Failed, Error = "fetch: HTTP 500" });
            (await sample.Client.GetAsync("feeds/all.atom")).Dispose();
            (await sample.Client.GetAsync("nothing-here")).Dispose();

            using var response = await sample.Client.GetAsync("metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

            Assert.Contains($"aggregator_polls_total{{source=\"{source.Id}\",status=\"ok\"}} 1", lines);
            Assert.Contains($"aggregator_polls_total{{source=\"{source.Id}\",status=\"failed\"}} 1", lines);
            Assert.Contains($"aggregator_poll_failures_total{{source=\"{source.Id}\"}} 1", lines);
            Assert.Contains("aggregator_http_requests_total{path_kind=\"feed\",status=\"200\"} 1", lines);
            Assert.Contains("aggregator_http_requests_total{path_kind=\"unknown\",status=\"404\"} 1", lines);
            Assert.Contains("# TYPE aggregator_http_requests_total counter", lines);
            var articles = Assert.Single(lines, l => l.StartsWith("aggregator_articles_total ", StringComparison.Ordinal));
            Assert.True(long.Parse(articles.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) > 0);
            var publish = Assert.Single(lines, l => l.StartsWith("aggregator_publish_seconds ", StringComparison.Ordinal));
            Assert.True(double.Parse(publish.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
        finally
        {
            await sample.DisposeAsync();
        }
    }

    [Fact]
    public void SourceIdsAreCountedApartAndStatusesOutsideTheKnownSetAsOther()
    {
        var metrics = new AggregatorMetrics();
        var a = new SourceDefinition { Id = "a", Title = "A", Url = new Uri("https://a.example/"), Categories = [], Schedule = "0 * * * * ?" };
        metrics.RecordPoll(new PollReport { Source = a, Status = PollStatus.NotModified });
        metrics.RecordPoll(new PollReport { Source = a with { Id = "b" }, Status = PollStatus.NotModified });
        metrics.RecordRequest(PathKind.Feed, 418);

        Assert.Equal([("a", PollStatus.NotModified, 1L), ("b", PollStatus.NotModified, 1L)], metrics.Polls);
        Assert.Empty(metrics.PollFailures);
        Assert.Equal((PathKind.Feed, "other", 1L), Assert.Single(metrics.Requests));
    }
}
