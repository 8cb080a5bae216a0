using System.Globalization;
using System.Text;
using Aggregator.Pipeline;
using Aggregator.Storage;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Http;

/// <summary><c>/metrics</c>: the counters of <see cref="AggregatorMetrics"/> and the store's article count, in Prometheus text format 0.0.4.</summary>
internal sealed class MetricsEndpoint(IArticleStore store, AggregatorMetrics metrics)
{
    public async Task HandleAsync(HttpContext context)
    {
        var statistics = await store.GetStatisticsAsync(context.RequestAborted);
        var text = new StringBuilder(1024);
        Header(text, "aggregator_polls_total", "counter", "Polls finished, by source and outcome.");
        foreach (var (source, status, count) in metrics.Polls)
            text.Append(CultureInfo.InvariantCulture, $"aggregator_polls_total{{source=\"{Escape(source)}\",status=\"{StatusLabel(status)}\"}} {count}\n");
        Header(text, "aggregator_poll_failures_total", "counter", "Polls that failed, by source.");
        foreach (var (source, count) in metrics.PollFailures)
            text.Append(CultureInfo.InvariantCulture, $"aggregator_poll_failures_total{{source=\"{Escape(source)}\"}} {count}\n");
        Header(text, "aggregator_articles_total", "gauge", "Articles in the store (each story once).");
        text.Append(CultureInfo.InvariantCulture, $"aggregator_articles_total {statistics.Articles}\n");
        Header(text, "aggregator_publish_seconds", "gauge", "Duration of the latest publish, preparing the served bytes included.");
        text.Append(CultureInfo.InvariantCulture, $"aggregator_publish_seconds {metrics.LastPublishSeconds ?? double.NaN}\n");

        // Counted before writing so a scrape sees itself, as Prometheus clients usually do.
        metrics.RecordRequest(PathKind.Metrics, StatusCodes.Status200OK);
        Header(text, "aggregator_http_requests_total", "counter", "HTTP responses, by kind of path and status.");
        foreach (var (kind, status, count) in metrics.Requests)
            text.Append(CultureInfo.InvariantCulture, $"aggregator_http_requests_total{{path_kind=\"{kind.ToString().ToLowerInvariant()}\",status=\"{status}\"}} {count}\n");

        var response = context.Response;
        response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsHead(context.Request.Method))
            await response.WriteAsync(text.ToString(), context.RequestAborted);
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static string StatusLabel(PollStatus status) => status switch
    {
        PollStatus.Ok => "ok",
        PollStatus.NotModified => "not_modified",
        PollStatus.Deferred => "deferred",
        _ => "failed",
    };

    // Label values escape backslash, double quote and line feed (exposition format 0.0.4).
    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
