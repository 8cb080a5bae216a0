using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>
/// Serves the published files from memory: GET and HEAD, 304 on a matching validator, the
/// negotiated encoding's prepared bytes written as they are. Every header value is a cached
/// <see cref="StringValues"/>, so the fast path allocates nothing of its own.
/// </summary>
internal sealed class PublishedFileEndpoint(ServedSite site, AggregatorMetrics metrics, IOptions<HttpOptions> options)
{
    private static readonly StringValues VaryValue = "Accept-Encoding";
    private static readonly StringValues AllowValue = "GET, HEAD";
    private readonly StringValues cacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.Value.CacheMaxAgeSeconds}");

    /// <summary>
    /// Terminal middleware placed before routing: a published path is answered here without
    /// routing or endpoint work; anything else goes on to <paramref name="next"/>.
    /// </summary>
    public RequestDelegate Middleware(RequestDelegate next) =>
        context => site.Find(context.Request.Path.Value) is { } file ? Serve(context, file) : next(context);

    /// <summary>The catch-all endpoint: what the middleware passed on, i.e. 404 (or 405) for unknown paths.</summary>
    public Task HandleAsync(HttpContext context) => Serve(context, site.Find(context.Request.Path.Value));

    private Task Serve(HttpContext context, ServedFile? file)
    {
        var request = context.Request;
        var response = context.Response;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!isHead && !HttpMethods.IsGet(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = AllowValue;
            response.ContentLength = 0;
            metrics.RecordRequest(file?.Kind ?? PathKind.Unknown, StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        if (file is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentLength = 0;
            metrics.RecordRequest(PathKind.Unknown, StatusCodes.Status404NotFound);
            return Task.CompletedTask;
        }

        var headers = response.Headers;
        var variant = file.Variant(AcceptEncoding.Choose(request.Headers.AcceptEncoding));
        headers.ETag = variant.ETag;
        headers.LastModified = file.LastModifiedText;
        headers.CacheControl = cacheControl;
        headers.Vary = VaryValue;
        if (ConditionalRequest.IsNotModified(request.Headers.IfNoneMatch, request.Headers.IfModifiedSince, file, variant))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            metrics.RecordRequest(file.Kind, StatusCodes.Status304NotModified);
            return Task.CompletedTask;
        }

        headers.ContentType = file.ContentType;
        if (variant.ContentEncoding.Count > 0)
            headers.ContentEncoding = variant.ContentEncoding;
        response.ContentLength = variant.Body.Length;
        metrics.RecordRequest(file.Kind, StatusCodes.Status200OK);
        if (isHead)
            return Task.CompletedTask;

        // One write straight into Kestrel's output pipe (no Stream layer); with Content-Length set,
        // the headers and the body go out in the same flush.
        var write = response.BodyWriter.WriteAsync(variant.Body, context.RequestAborted);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : AwaitWrite(write);
    }

    private static async Task AwaitWrite(ValueTask<System.IO.Pipelines.FlushResult> write) => await write;
}
