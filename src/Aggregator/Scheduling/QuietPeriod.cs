using System.Threading.Channels;

namespace Aggregator.Scheduling;

/// <summary>The debounce shared by publishing and reloading: wait until the signals stop for a while.</summary>
internal static class QuietPeriod
{
    /// <summary>
    /// Returns once no signal arrived on <paramref name="signals"/> for <paramref name="quiet"/>, or
    /// <paramref name="maxDelay"/> after the call, whichever comes first; signals read meanwhile are consumed.
    /// Throws <see cref="OperationCanceledException"/> only for <paramref name="cancellationToken"/>.
    /// </summary>
    public static async Task WaitAsync<T>(
        ChannelReader<T> signals, TimeSpan quiet, TimeSpan maxDelay, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + maxDelay;
        while (true)
        {
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
                return;
            using var timeout = new CancellationTokenSource(quiet < remaining ? quiet : remaining, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await signals.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
