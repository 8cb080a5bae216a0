using System.Diagnostics;
using System.Globalization;

namespace StoreKillDrill;

/// <summary>
/// CPU time and bytes written by this process over a timed section, per row: on a shared, noisy machine
/// these move far less than wall time, so they show where a change helped.
/// </summary>
internal sealed class ProcessCost
{
    private readonly TimeSpan cpu;
    private readonly long written;

    private ProcessCost(TimeSpan cpu, long written)
    {
        this.cpu = cpu;
        this.written = written;
    }

    public static ProcessCost Start() => new(Process.GetCurrentProcess().TotalProcessorTime, BytesWritten());

    public string Stop(int rows)
    {
        var cpuMicroseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / rows;
        var kibibytes = (BytesWritten() - written) / 1024.0 / rows;
        return string.Create(CultureInfo.InvariantCulture, $"cpu {cpuMicroseconds:F0} us/row, written {kibibytes:F1} KiB/row");
    }

    /// <summary>wchar of /proc/self/io: bytes passed to write(), page cache or not (0 where /proc is absent).</summary>
    private static long BytesWritten()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
            return 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("wchar:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
        }

        return 0;
    }
}
