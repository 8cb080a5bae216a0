namespace Aggregator.Fetching;

/// <summary>A held slot of <see cref="FetchConcurrencyLimiter"/>; disposing it releases the host and the global slot once.</summary>
internal sealed class FetchConcurrencyLease : IDisposable
{
    private SemaphoreSlim? global;
    private SemaphoreSlim? host;

    public FetchConcurrencyLease(SemaphoreSlim global, SemaphoreSlim host)
    {
        this.global = global;
        this.host = host;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref global, null)?.Release();
        Interlocked.Exchange(ref host, null)?.Release();
    }
}
