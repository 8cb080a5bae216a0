using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aggregator.Scheduling;

/// <summary>
/// The token running polls get: cancelled <see cref="SchedulingOptions.ShutdownGrace"/> after the host
/// starts stopping, so a poll in flight may finish, but shutdown is bounded. The store's writes are
/// transactions, so a cancelled poll leaves it consistent and is simply redone after the restart.
/// </summary>
internal sealed class PollCancellation : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly CancellationTokenRegistration registration;

    public PollCancellation(IHostApplicationLifetime lifetime, IOptions<SchedulingOptions> options, TimeProvider time)
    {
        var grace = options.Value.ShutdownGrace;
        registration = lifetime.ApplicationStopping.Register(() =>
        {
            // Cancel via the injected clock; a zero grace cancels at once.
            if (grace <= TimeSpan.Zero)
                source.Cancel();
            else
                _ = Task.Delay(grace, time).ContinueWith(_ => CancelQuietly(), TaskScheduler.Default);
        });
    }

    public CancellationToken Token => source.Token;

    private void CancelQuietly()
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The host finished stopping before the grace ran out.
        }
    }

    public void Dispose()
    {
        registration.Dispose();
        source.Dispose();
    }
}
