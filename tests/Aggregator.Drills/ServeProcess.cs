using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Aggregator.Drills;

/// <summary>
/// `serve` as a child process on a free 127.0.0.1 port: started, SIGKILLed (a power cut of the
/// process) or stopped with SIGTERM (graceful), its resident memory read from /proc.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];

    private ServeProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines `serve` wrote (standard output and error), for a failure report.</summary>
    public IReadOnlyList<string> LastLines
    {
        get
        {
            lock (lines)
                return [.. lines.TakeLast(30)];
        }
    }

    public static ServeProcess Start(string dll, string config, string data, string output)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "serve", "--config", config, "--data", data, "--out", output, "--urls", address.AbsoluteUri.TrimEnd('/'), "--log-level", "warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("drills: could not start dotnet serve.");
        var serve = new ServeProcess(process, address);
        process.OutputDataReceived += serve.Keep;
        process.ErrorDataReceived += serve.Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>SIGKILL: no handler, no flush, no graceful anything.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait for the graceful stop; the exit code, or null when it had to be killed after <paramref name="patience"/>.</summary>
    public async Task<int?> StopAsync(TimeSpan patience)
    {
        if (process.HasExited)
            return process.ExitCode;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return null;
        }
    }

    /// <summary>Resident set size in MiB (VmRSS), or null once the process is gone.</summary>
    public double? ResidentMegabytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is not { } text)
            return;
        lock (lines)
        {
            lines.Add(text);
            if (lines.Count > 200)
                lines.RemoveRange(0, 100);
        }
    }
}
