using Aggregator.Fetching;
using Aggregator.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Fetching;

/// <summary>Builds the fetcher the way the application registers it, with retry delays short enough for tests.</summary>
internal sealed class TestFetcher : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public TestFetcher(Action<FetchOptions>? configure = null, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
            services.AddSingleton(clock);
        services.AddFetching(options =>
        {
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(options);
        });
        provider = services.BuildServiceProvider();
        Fetcher = provider.GetRequiredService<IFeedFetcher>();
    }

    public IFeedFetcher Fetcher { get; }

    public static SourceDefinition Source(Uri url, TimeSpan? timeout = null, long? maxBytes = null) => new()
    {
        Id = "test-source",
        Title = "Test source",
        Url = url,
        Categories = [],
        Schedule = "0 */5 * * * ?",
        Timeout = timeout ?? TimeSpan.FromSeconds(20),
        MaxBytes = maxBytes ?? 15L * 1024 * 1024,
    };

    public Task<FetchOutcome> FetchAsync(Uri url, TimeSpan? timeout = null, long? maxBytes = null) =>
        Fetcher.FetchAsync(Source(url, timeout, maxBytes), FetchConditions.None, CancellationToken.None);

    public Task<FetchOutcome> FetchAsync(SourceDefinition source, FetchConditions? conditions = null) =>
        Fetcher.FetchAsync(source, conditions ?? FetchConditions.None, CancellationToken.None);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
