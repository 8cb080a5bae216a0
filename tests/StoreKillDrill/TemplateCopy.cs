namespace StoreKillDrill;

/// <summary>
/// A run's copy of a preloaded template, on disk before the clock starts. A plain copy left gigabytes of
/// dirty pages (2.2 GB seen in /proc/meminfo during a run) that the kernel wrote back while the next side
/// was measured: raw at 4 KB measured 25,000-55,000 rows/s from one invocation to the next, depending on
/// whose timed section the writeback fell in.
/// </summary>
internal static class TemplateCopy
{
    public static void ToDisk(string template, string destination)
    {
        File.Copy(template, destination);
        using var file = new FileStream(destination, FileMode.Open, FileAccess.ReadWrite);
        file.Flush(flushToDisk: true);
    }
}
