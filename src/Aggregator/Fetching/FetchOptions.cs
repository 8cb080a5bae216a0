namespace Aggregator.Fetching;

/// <summary>How the fetch stage talks to the web; bound once at registration (<see cref="FetchingServiceCollectionExtensions.AddFetching"/>).</summary>
internal sealed class FetchOptions
{
    /// <summary>Sent when a source names no User-Agent of its own: says who we are and where to complain.</summary>
    public const string DefaultUserAgent = "Aggregator/1.0 (RSS/Atom aggregator; polls politely: conditional GET, Retry-After honoured)";

    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Polls running at once over all hosts (feeds.json <c>maxConcurrentFetches</c>).</summary>
    public int MaxConcurrentFetches { get; set; } = 8;

    /// <summary>Polls running at once against one host, so a site with many feeds is not hammered.</summary>
    public int MaxConcurrentFetchesPerHost { get; set; } = 2;

    /// <summary>Redirects followed before giving up.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Retries after a transient failure (5xx except 501, 408, connection errors, attempt timeouts); 0 disables retries.</summary>
    public int RetryCount { get; set; } = 2;

    /// <summary>First retry delay; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt may wait for the response headers; the whole poll is bounded by the source's own timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pooled connections are recycled after this, so DNS changes are picked up.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest response header block accepted, in KiB: a server sending megabytes of headers fails cleanly.</summary>
    public int MaxResponseHeadersKilobytes { get; set; } = 64;
}
