using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Http;

/// <summary>
/// Serves the published files: GET and HEAD, 304 on a matching validator, the negotiated encoding's
/// bytes written as they are. First pages, the index and the OPML come from memory, prepared per
/// publish; every header value is a cached <see cref="StringValues"/>, so that fast path allocates
/// nothing of its own. Archive pages come from their files (<see cref="ArchivePageReader"/>).
/// </summary>
internal sealed class PublishedFileEndpoint(ServedSite site, ArchivePageReader archive, AggregatorMetrics metrics, IOptions<HttpOptions> options)
{
    private static readonly StringValues VaryValue = "Accept-Encoding";
    private static readonly StringValues AllowValue = "GET, HEAD";
    private static readonly StringValues BrotliValue = "br";
    private static readonly StringValues GzipValue = "gzip";
    private static readonly StringValues NoStore = "no-store";
    private static readonly StringValues RetryAfterValue = "60";
    private static readonly StringValues TextPlain = "text/plain; charset=utf-8";
    private readonly StringValues cacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.Value.CacheMaxAgeSeconds}");

    /// <summary>
    /// Terminal middleware placed before routing: a published path is answered here without
    /// routing or endpoint work; anything else goes on to <paramref name="next"/>.
    /// </summary>
    public RequestDelegate Middleware(RequestDelegate next) =>
        context => site.Find(context.Request.Path.Value) is { } file ? Serve(context, file)
            : site.FindArchivePage(context.Request.Path.Value) is { } page ? ServeArchivePageAsync(context, page)
            : next(context);

    /// <summary>The catch-all endpoint: what the middleware passed on, i.e. 404 (or 405) for unknown paths.</summary>
    public Task HandleAsync(HttpContext context) => Serve(context, site.Find(context.Request.Path.Value));

    private Task Serve(HttpContext context, ServedFile? file)
    {
        if (RejectsMethod(context, file?.Kind ?? PathKind.Unknown, out var isHead))
            return Task.CompletedTask;
        var request = context.Request;
        var response = context.Response;

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

    /// <summary>Answers 405 to anything but GET and HEAD (true: the response is done).</summary>
    private bool RejectsMethod(HttpContext context, PathKind kind, out bool isHead)
    {
        var method = context.Request.Method;
        isHead = HttpMethods.IsHead(method);
        if (isHead || HttpMethods.IsGet(method))
            return false;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        response.Headers.Allow = AllowValue;
        response.ContentLength = 0;
        metrics.RecordRequest(kind, StatusCodes.Status405MethodNotAllowed);
        return true;
    }

    private async Task ServeArchivePageAsync(HttpContext context, ArchivePage page)
    {
        if (RejectsMethod(context, PathKind.Page, out var isHead))
            return;
        var request = context.Request;
        var response = context.Response;

        // The validators are known without the file: a reader that has the page gets its 304 from memory.
        var coding = AcceptEncoding.Choose(request.Headers.AcceptEncoding);
        var headers = response.Headers;
        headers.CacheControl = cacheControl;
        headers.Vary = VaryValue;
        var etag = ArchivePage.ETag(page.Hash, coding);
        if (ConditionalRequest.IsNotModified(request.Headers.IfNoneMatch, request.Headers.IfModifiedSince, page.LastModified, etag))
        {
            headers.ETag = etag;
            headers.LastModified = page.LastModifiedText;
            response.StatusCode = StatusCodes.Status304NotModified;
            metrics.RecordRequest(PathKind.Page, StatusCodes.Status304NotModified);
            return;
        }

        var body = await archive.ReadAsync(page, coding, context.RequestAborted);
        if (body.Body is null)
        {
            // The page is published but its file is gone or unreadable: say so, and let the reader retry
            // after the next publish (which writes it again) instead of caching a 404.
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            headers.CacheControl = NoStore;
            headers.RetryAfter = RetryAfterValue;
            headers.ContentType = TextPlain;
            var message = System.Text.Encoding.UTF8.GetBytes(body.Error + "\n");
            response.ContentLength = message.Length;
            metrics.RecordRequest(PathKind.Page, StatusCodes.Status503ServiceUnavailable);
            if (!isHead)
                await response.BodyWriter.WriteAsync(message, context.RequestAborted);
            return;
        }

        headers.ETag = body.ETag;
        headers.LastModified = ReferenceEquals(body.ETag, etag) || body.LastModified == page.LastModified
            ? page.LastModifiedText
            : body.LastModified.ToString("r", CultureInfo.InvariantCulture);
        headers.ContentType = page.ContentType;
        if (coding != ContentCoding.Identity)
            headers.ContentEncoding = coding == ContentCoding.Brotli ? BrotliValue : GzipValue;
        response.ContentLength = body.Body.Length;
        metrics.RecordRequest(PathKind.Page, StatusCodes.Status200OK);
        if (!isHead)
            await response.BodyWriter.WriteAsync(body.Body, context.RequestAborted);
    }

    private static async Task AwaitWrite(ValueTask<System.IO.Pipelines.FlushResult> write) => await write;
}
