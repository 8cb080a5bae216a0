using System.Diagnostics;
using System.Text;

namespace Aggregator.Tests.Support;

/// <summary>
/// The build the Dockerfile ships: `dotnet publish -r linux-x64` of src/Aggregator, compiled ahead of time
/// (Native AOT) into one executable. Published once per test run (the compiler is incremental: a later
/// run with unchanged sources takes seconds) into a folder of its own, and run as a child process.
/// </summary>
internal static class NativeBuild
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The native executable; a publish that fails fails the test with the compiler's output.</summary>
    public static Task<string> ExecutableAsync() => Published.Value;

    /// <summary>Runs the native executable to its end, with a deadline, capturing what it prints.</summary>
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(await ExecutableAsync()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in args)
            start.ArgumentList.Add(argument);
        var (exitCode, output, error) = await RunProcessAsync(start, TimeSpan.FromMinutes(2));
        return new CliResult(exitCode, output, error);
    }

    private static async Task<string> PublishAsync()
    {
        // One folder per clone, so two clones' test runs never publish over each other's executable.
        var clone = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RepositoryPaths.Root)))[..12];
        var folder = Path.Combine(Path.GetTempPath(), "aggregator-tests-native", clone);
        var project = Path.Combine(RepositoryPaths.Root, "src", "Aggregator", "Aggregator.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", "linux-x64", "-o", folder, "-nologo", "-v", "minimal" })
            start.ArgumentList.Add(argument);
        var (exitCode, output, error) = await RunProcessAsync(start, TimeSpan.FromMinutes(15));
        var executable = Path.Combine(folder, "Aggregator");
        if (exitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"test setup: the native publish of {project} failed (exit {exitCode}). It needs clang and zlib1g-dev: " +
                $"apt-get install -y clang zlib1g-dev.{Environment.NewLine}{Tail(output + error, 60)}");
        }

        return executable;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(ProcessStartInfo start, TimeSpan deadline)
    {
        start.UseShellExecute = false;
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(error, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"test setup: '{start.FileName} {string.Join(' ', start.ArgumentList)}' ran over {deadline}.{Environment.NewLine}{Tail(output.ToString() + error, 40)}");
        }

        // WaitForExitAsync returns once the output streams are drained as well.
        lock (output)
        {
            lock (error)
                return (process.ExitCode, output.ToString(), error.ToString());
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
            return;
        lock (text)
            text.AppendLine(line);
    }

    private static string Tail(string text, int lines) =>
        string.Join(Environment.NewLine, text.Split('\n').TakeLast(lines));
}
