using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Aggregator.Fetching;

internal static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFeedFetcher"/>: the named HttpClient with its resilience pipeline (retry with
    /// jittered exponential backoff, per-attempt timeout), the shared concurrency limiter, and
    /// <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddFetching(this IServiceCollection services, Action<FetchOptions>? configure = null)
    {
        var options = services.AddOptions<FetchOptions>();
        if (configure is not null)
            options.Configure(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<FetchOptions>>().Value;
            return new FetchConcurrencyLimiter(settings.MaxConcurrentFetches, settings.MaxConcurrentFetchesPerHost);
        });

        services.AddHttpClient(HttpFeedFetcher.ClientName)
            // Each poll is bounded by its source's own timeout, not by one client-wide value.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => CreatePrimaryHandler(provider.GetRequiredService<IOptions<FetchOptions>>().Value))
            // PooledConnectionLifetime already recycles connections, so the factory need not rotate handlers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("fetch", (pipeline, context) =>
                ConfigurePipeline(pipeline, context.ServiceProvider.GetRequiredService<IOptions<FetchOptions>>().Value));

        services.TryAddSingleton<IFeedFetcher, HttpFeedFetcher>();
        return services;
    }

    private static SocketsHttpHandler CreatePrimaryHandler(FetchOptions settings) => new()
    {
        // Redirects are followed by HttpFeedFetcher so it can count them, spot loops and report permanent ones.
        AllowAutoRedirect = false,
        // Decompression happens in BoundedBodyReader, where the decoded size can be bounded.
        AutomaticDecompression = DecompressionMethods.None,
        // Cookies would leak between unrelated sources sharing this handler.
        UseCookies = false,
        ConnectTimeout = settings.ConnectTimeout,
        PooledConnectionLifetime = settings.PooledConnectionLifetime,
        MaxResponseHeadersLength = settings.MaxResponseHeadersKilobytes,
    };

    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FetchOptions settings)
    {
        // No circuit breaker: one client serves every host, and a dead source must not trip the others;
        // per-source backoff after consecutive failures lives in the source's health instead.
        if (settings.RetryCount > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.RetryCount,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                // 429 and 503 with Retry-After are not retried at all: the source is polled again after that time.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(TransientFailure.IsTransient(args.Outcome)),
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.AttemptTimeout });
    }
}
