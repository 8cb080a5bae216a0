using System.Globalization;
using Aggregator.Pipeline;

namespace Aggregator.Cli;

/// <summary>
/// Per-source progress of a run on standard error: one live, rewritten line on a terminal; one plain
/// line per finished source otherwise (cron mail, CI logs), so standard output keeps only the summary.
/// </summary>
internal sealed class RunProgress(TextWriter error, int total, bool live) : IProgress<PollReport>
{
    private readonly Lock gate = new();
    private int done;
    private int failed;

    /// <summary>Live only when the writer is the process's own standard error and that is a terminal.</summary>
    public static RunProgress For(TextWriter error, int total) =>
        new(error, total, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(PollReport value)
    {
        lock (gate)
        {
            done++;
            if (!value.Succeeded)
                failed++;
            var status = value.Status.ToString().ToLowerInvariant();
            if (live)
            {
                // \r and "erase line": the one line is redrawn as each source finishes.
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\r\u001b[2K[{done}/{total}] {failed} failed · last: {value.Source.Id} {status}"));
                if (done == total)
                    error.WriteLine();
            }
            else
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {value.Source.Id} {status} {value.Elapsed.TotalSeconds:0.0} s"));
            }

            error.Flush();
        }
    }
}
