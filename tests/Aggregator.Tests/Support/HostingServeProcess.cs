using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Aggregator.Drills;

namespace Aggregator.Tests.Support;

/// <summary>
/// The real `serve` command as a child process (<c>dotnet Aggregator.dll serve …</c>, or the native
/// executable of <see cref="NativeBuild"/>) on a free 127.0.0.1 port, with its output captured, so a test can signal it like an orchestrator does.
/// Disposing kills it if the test left it running.
/// </summary>
internal sealed class HostingServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostingServeProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Like http://127.0.0.1:PORT/ (with the trailing slash).</summary>
    public Uri BaseUrl { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Everything written to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <param name="nativeExecutable">The native build to run; null runs the JIT build with `dotnet`.</param>
    public static HostingServeProcess Start(string configFile, string dataDirectory, string outDirectory, string? nativeExecutable = null)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo(nativeExecutable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (nativeExecutable is null)
            start.ArgumentList.Add(DrillPaths.AggregatorDll());
        foreach (var argument in new[]
        {
            "serve", "--config", configFile, "--data", dataDirectory, "--out", outDirectory,
            "--urls", baseUrl.GetLeftPart(UriPartial.Authority), "--log-level", "information",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var serve = new HostingServeProcess(process, baseUrl);
        process.OutputDataReceived += (_, line) => serve.Append(line.Data);
        process.ErrorDataReceived += (_, line) => serve.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>Sends a POSIX signal (TERM, HUP, …) with /bin/kill, as a container runtime would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>True when the process exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>A port that was free a moment ago (the OS picks it; the child binds it right after).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
