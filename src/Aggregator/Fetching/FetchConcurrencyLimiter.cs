using System.Collections.Concurrent;

namespace Aggregator.Fetching;

/// <summary>
/// Bounds polls in flight: globally, and per host so one site with many feeds is not hammered.
/// A singleton shared by every fetch; configured at registration.
/// </summary>
internal sealed class FetchConcurrencyLimiter : IDisposable
{
    private readonly SemaphoreSlim global;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> hosts = new(StringComparer.OrdinalIgnoreCase);

    public FetchConcurrencyLimiter(int maxConcurrent, int maxPerHost)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerHost, 1);
        MaxConcurrent = maxConcurrent;
        MaxPerHost = maxPerHost;
        global = new SemaphoreSlim(maxConcurrent, maxConcurrent);
    }

    public int MaxConcurrent { get; }

    public int MaxPerHost { get; }

    /// <summary>Waits for a slot for <paramref name="host"/>; dispose the lease to give it back.</summary>
    public async Task<FetchConcurrencyLease> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        // The host slot first: waiting for a busy host must not hold a global slot other hosts could use.
        var hostGate = hosts.GetOrAdd(host, _ => new SemaphoreSlim(MaxPerHost, MaxPerHost));
        await hostGate.WaitAsync(cancellationToken);
        try
        {
            await global.WaitAsync(cancellationToken);
        }
        catch
        {
            hostGate.Release();
            throw;
        }

        return new FetchConcurrencyLease(global, hostGate);
    }

    public void Dispose()
    {
        global.Dispose();
        foreach (var gate in hosts.Values)
            gate.Dispose();
    }
}
