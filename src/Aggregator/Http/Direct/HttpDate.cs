using System.Globalization;

namespace Aggregator.Http.Direct;

/// <summary>
/// The <c>Date</c> header value of the current second as ASCII bytes, rebuilt at most once a second
/// (Kestrel does the same with its heartbeat): a response formats no date.
/// </summary>
internal sealed class HttpDate(TimeProvider clock)
{
    private Stamp current = new(long.MinValue, []);

    public ReadOnlySpan<byte> Now()
    {
        var now = clock.GetUtcNow();
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        var stamp = Volatile.Read(ref current);
        if (stamp.Second != second)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(new DateTimeOffset(second * TimeSpan.TicksPerSecond, TimeSpan.Zero).ToString("r", CultureInfo.InvariantCulture));
            stamp = new Stamp(second, bytes);
            Volatile.Write(ref current, stamp);
        }

        return stamp.Bytes;
    }

    private sealed record Stamp(long Second, byte[] Bytes);
}
