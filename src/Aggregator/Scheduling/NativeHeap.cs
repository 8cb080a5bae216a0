using System.Runtime.InteropServices;

namespace Aggregator.Scheduling;

/// <summary>
/// glibc's malloc keeps freed blocks (SQLite's page caches, brotli's encoder state) in per-thread
/// arenas rather than returning them; malloc_trim hands the free pages back. Elsewhere (Windows,
/// macOS, musl) there is nothing to call and this does nothing.
/// </summary>
internal static class NativeHeap
{
    private static bool unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (unavailable)
            return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
