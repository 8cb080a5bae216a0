using Aggregator.Model;
using Aggregator.Scheduling;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Scheduling;

public sealed class PublishDebouncerTests
{
    [Fact]
    public async Task TenQuickRequestsPublishOnceAndTellTheListeners()
    {
        var (debouncer, publisher, listeners) = Create(quiet: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(30));
        await debouncer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 10; i++)
            debouncer.Request();
        await SchedulingWait.UntilAsync(() => listeners.All(l => l.Count >= 1), "both listeners were told of a publish");
        // Well past another quiet period: a second publish would have happened by now.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await debouncer.StopAsync(CancellationToken.None);

        Assert.Equal(1, publisher.Calls);
        Assert.All(listeners, l => Assert.Equal(1, l.Count));
        Assert.Equal(["publish-1"], listeners[0].Last!.Written);
    }

    [Fact]
    public async Task ARequestAfterAPublishLeadsToAnotherOne()
    {
        var (debouncer, publisher, _) = Create(quiet: TimeSpan.FromMilliseconds(200), maxDelay: TimeSpan.FromSeconds(30));
        await debouncer.StartAsync(CancellationToken.None);

        debouncer.Request();
        await SchedulingWait.UntilAsync(() => publisher.Calls == 1, "the first publish ran");
        debouncer.Request();
        await SchedulingWait.UntilAsync(() => publisher.Calls == 2, "the second publish ran");
        await debouncer.StopAsync(CancellationToken.None);

        Assert.Equal(2, publisher.Calls);
    }

    [Fact]
    public async Task RequestsThatNeverStopStillPublishAfterTheMaximumDelay()
    {
        // The quiet period is never reached: only the maximum delay can end the wait.
        var (debouncer, publisher, _) = Create(quiet: TimeSpan.FromSeconds(30), maxDelay: TimeSpan.FromSeconds(1));
        await debouncer.StartAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var requests = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                debouncer.Request();
                await Task.Delay(50);
            }
        });

        await SchedulingWait.UntilAsync(() => publisher.Calls >= 1, "a publish ran while requests kept coming");
        await stop.CancelAsync();
        await requests;
        await debouncer.StopAsync(CancellationToken.None);

        Assert.True(publisher.Calls >= 1);
    }

    [Fact]
    public async Task ARequestPendingAtShutdownIsPublishedBeforeStopping()
    {
        var (debouncer, publisher, _) = Create(quiet: TimeSpan.FromSeconds(30), maxDelay: TimeSpan.FromSeconds(60));
        await debouncer.StartAsync(CancellationToken.None);

        debouncer.Request();
        await Task.Delay(200);
        await debouncer.StopAsync(CancellationToken.None);

        Assert.Equal(1, publisher.Calls);
    }

    private static (PublishDebouncer Debouncer, SchedulingCountingPublisher Publisher, SchedulingPublishRecorder[] Listeners) Create(
        TimeSpan quiet, TimeSpan maxDelay)
    {
        var settings = new AggregatorSettings
        {
            Site = new SiteDefinition { Title = "News", BaseUrl = new Uri("https://news.example.net/") },
            Sources = [],
            Categories = [],
        };
        var publisher = new SchedulingCountingPublisher();
        SchedulingPublishRecorder[] listeners = [new(), new()];
        var options = Options.Create(new SchedulingOptions { PublishQuietPeriod = quiet, PublishMaxDelay = maxDelay });
        var debouncer = new PublishDebouncer(
            new CurrentConfiguration(settings), publisher, new InMemoryArticleStore(), listeners, options,
            TimeProvider.System, NullLogger<PublishDebouncer>.Instance);
        return (debouncer, publisher, listeners);
    }
}
