using System.Text.Encodings.Web;
using System.Text.Json;
using Aggregator.Model;
using Aggregator.Storage;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Http;

/// <summary>
/// <c>/health</c>: the overall status and every configured source's health, as JSON. 200 when ok or
/// degraded, 503 when failing, so a load balancer or orchestrator probe can read the code alone.
/// </summary>
internal sealed class HealthEndpoint(IArticleStore store, ConfigurationStatus configuration, AggregatorMetrics metrics)
{
    public async Task HandleAsync(HttpContext context)
    {
        var health = (await store.GetAllHealthAsync(context.RequestAborted)).ToDictionary(h => h.SourceId, StringComparer.Ordinal);
        var sources = configuration.Settings?.Sources
            ?? health.Keys.Order(StringComparer.Ordinal).Select(id => new SourceDefinition
            {
                Id = id, Title = id, Url = new Uri("about:blank"), Categories = [], Schedule = string.Empty,
            }).ToList();
        var rows = sources.Select(source => (Source: source, Health: health.GetValueOrDefault(source.Id) ?? SourceHealth.Unknown(source.Id))).ToList();
        var status = HealthStatus.Of(rows.Where(row => row.Source.Enabled).Select(row => row.Health), configuration.Error);

        var response = context.Response;
        response.StatusCode = status == HealthStatus.Failing ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        metrics.RecordRequest(PathKind.Health, response.StatusCode);
        if (HttpMethods.IsHead(context.Request.Method))
            return;

        await using (var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("status", status);
            json.WriteStartObject("configuration");
            json.WriteBoolean("valid", configuration.Error is null);
            if (configuration.Error is { } error)
                json.WriteString("error", error);
            json.WriteEndObject();
            json.WriteStartArray("sources");
            foreach (var (source, sourceHealth) in rows)
                WriteSource(json, source, sourceHealth);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static void WriteSource(Utf8JsonWriter json, SourceDefinition source, SourceHealth health)
    {
        json.WriteStartObject();
        json.WriteString("id", source.Id);
        json.WriteString("title", source.Title);
        json.WriteString("url", source.Url.AbsoluteUri);
        json.WriteBoolean("enabled", source.Enabled);
        WriteTime(json, "lastAttempt", health.LastAttempt);
        WriteTime(json, "lastSuccess", health.LastSuccess);
        if (health.LastHttpStatus is { } httpStatus)
            json.WriteNumber("lastHttpStatus", httpStatus);
        else
            json.WriteNull("lastHttpStatus");
        json.WriteNumber("consecutiveFailures", health.ConsecutiveFailures);
        json.WriteString("lastError", health.LastError);
        WriteTime(json, "nextAttemptAfter", health.NextAttemptAfter);
        json.WriteBoolean("paused", health.Paused);
        json.WriteString("permanentRedirect", health.PermanentRedirect);
        json.WriteNumber("articleCount", health.ArticleCount);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
            json.WriteString(name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        else
            json.WriteNull(name);
    }
}
