using System.Net;
using System.Net.Http.Headers;
using Aggregator.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Fetching;

/// <summary>
/// Polls one source over HTTP (or reads a <c>file:</c> URL): conditional GET, redirects followed by
/// hand so they can be counted and reported, bounded decompression, and the whole poll bounded by the
/// source's timeout. Retries of transient failures happen in the named client's resilience pipeline.
/// </summary>
internal sealed class HttpFeedFetcher(
    IHttpClientFactory clientFactory,
    FetchConcurrencyLimiter limiter,
    IOptions<FetchOptions> options,
    TimeProvider timeProvider,
    ILogger<HttpFeedFetcher> logger) : IFeedFetcher
{
    /// <summary>Name of the HttpClient registered by <see cref="FetchingServiceCollectionExtensions.AddFetching"/>.</summary>
    public const string ClientName = "Aggregator.Fetching";

    private const string Accept = "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

    private static readonly TimeSpan FallbackTimeout = TimeSpan.FromSeconds(20);

    private readonly FetchOptions settings = options.Value;

    public async Task<FetchOutcome> FetchAsync(SourceDefinition source, FetchConditions conditions, CancellationToken cancellationToken)
    {
        if (source.Url.IsFile)
            return await FileFeedReader.ReadAsync(source, conditions, timeProvider, cancellationToken);
        if (source.Url.Scheme != Uri.UriSchemeHttp && source.Url.Scheme != Uri.UriSchemeHttps)
            return new FetchOutcome { Status = FetchStatus.Failed, Error = $"fetch: unsupported URL scheme '{source.Url.Scheme}'" };

        using var lease = await limiter.AcquireAsync(source.Url.Host, cancellationToken);
        // The clock starts once a slot is held: waiting for other sources is not this source's slowness.
        var started = timeProvider.GetTimestamp();
        // Configuration validation rejects a non-positive timeout; should one slip through, the poll is still bounded.
        var timeout = source.Timeout > TimeSpan.Zero ? source.Timeout : FallbackTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        FetchOutcome outcome;
        try
        {
            outcome = await FollowRedirectsAsync(source, conditions, linked.Token);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            outcome = new FetchOutcome { Status = FetchStatus.Failed, Error = FetchErrors.TimedOut(timeout) };
        }
        catch (FetchFailedException e)
        {
            outcome = new FetchOutcome { Status = FetchStatus.Failed, Error = e.Message };
        }
        catch (Exception e)
        {
            // A bad source (say, a malformed header name in feeds.json) is an outcome, never a crash of the run.
            outcome = new FetchOutcome { Status = FetchStatus.Failed, Error = FetchErrors.Describe(e, source.Url) };
        }

        outcome = outcome with { Elapsed = timeProvider.GetElapsedTime(started) };
        logger.LogDebug("Fetched {SourceId} from {FeedUrl}: {Status} {HttpStatus} in {Elapsed}", source.Id, source.Url, outcome.Status, outcome.HttpStatus, outcome.Elapsed);
        return outcome;
    }

    private async Task<FetchOutcome> FollowRedirectsAsync(SourceDefinition source, FetchConditions conditions, CancellationToken cancellationToken)
    {
        var client = clientFactory.CreateClient(ClientName);
        var current = source.Url;
        var visited = new HashSet<Uri> { current };
        Uri? permanent = null;
        var onlyPermanentSoFar = true;
        for (var redirects = 0; ; redirects++)
        {
            using var request = CreateRequest(current, source, conditions);
            using var response = await SendAsync(client, request, current, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308))
                return await CompleteAsync(response, current, source, conditions, cancellationToken) with { PermanentRedirect = permanent };

            if (redirects == settings.MaxRedirects)
                return Failed(status, $"fetch: too many redirects (more than {settings.MaxRedirects})");
            if (response.Headers.Location is not { } location)
                return Failed(status, $"fetch: HTTP {status} redirect without a usable Location header");
            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                return Failed(status, $"fetch: redirect to unsupported URL scheme '{next.Scheme}'");
            if (!visited.Add(next))
                return Failed(status, $"fetch: redirect loop at {next}");

            // feeds.json should name where the permanent hops lead, up to the first temporary one.
            onlyPermanentSoFar &= status is 301 or 308;
            if (onlyPermanentSoFar)
                permanent = next;
            current = next;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FetchFailedException(FetchErrors.Describe(e, uri), e);
        }
    }

    private async Task<FetchOutcome> CompleteAsync(HttpResponseMessage response, Uri location, SourceDefinition source, FetchConditions conditions, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var etag = Header(response.Headers.NonValidated, "ETag");
        var lastModified = Header(response.Content.Headers.NonValidated, "Last-Modified");
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            // A 304 may omit the validators; the ones we sent stay valid.
            return new FetchOutcome
            {
                Status = FetchStatus.NotModified,
                HttpStatus = status,
                ETag = etag ?? conditions.ETag,
                LastModified = lastModified ?? conditions.LastModified,
            };
        }

        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = status is 429 or 503 ? RetryAfterHeader.Read(response.Headers, timeProvider.GetUtcNow()) : null;
            var error = FetchErrors.HttpStatus(status, response.ReasonPhrase);
            if (retryAfter is { } until)
                error += $" (retry after {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)";
            return Failed(status, error) with { RetryAfter = retryAfter };
        }

        ReadOnlyMemory<byte> body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            body = await BoundedBodyReader.ReadAsync(stream, [.. response.Content.Headers.ContentEncoding], source.MaxBytes, response.Content.Headers.ContentLength, cancellationToken);
        }
        catch (FetchFailedException e)
        {
            return Failed(status, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Failed(status, FetchErrors.Describe(e, location));
        }

        return new FetchOutcome
        {
            Status = FetchStatus.Fetched,
            HttpStatus = status,
            Payload = new FeedPayload(body, Header(response.Content.Headers.NonValidated, "Content-Type"), location),
            ETag = etag,
            LastModified = lastModified,
        };
    }

    private HttpRequestMessage CreateRequest(Uri uri, SourceDefinition source, FetchConditions conditions)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var headers = request.Headers;
        headers.TryAddWithoutValidation("Accept", Accept);
        headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        foreach (var (name, value) in source.Headers)
        {
            try
            {
                headers.Remove(name);
            }
            catch (FormatException e)
            {
                throw new FetchFailedException($"fetch: the configured header name '{name}' is not a valid HTTP header", e);
            }

            headers.TryAddWithoutValidation(name, value);
        }

        if (source.UserAgent is not null || !headers.Contains("User-Agent"))
        {
            headers.Remove("User-Agent");
            headers.TryAddWithoutValidation("User-Agent", source.UserAgent ?? settings.UserAgent);
        }

        if (conditions.ETag is { Length: > 0 } etag)
            headers.TryAddWithoutValidation("If-None-Match", etag);
        if (conditions.LastModified is { Length: > 0 } lastModified)
            headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        return request;
    }

    private static string? Header(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.ToString() : null;

    private static FetchOutcome Failed(int status, string error) =>
        new() { Status = FetchStatus.Failed, HttpStatus = status, Error = error };
}
