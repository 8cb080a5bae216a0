using System.Globalization;
using Aggregator.Pipeline;

namespace Aggregator.Cli;

/// <summary>The per-source table printed at the end of a run: what an operator reads in a cron mail.</summary>
internal static class RunSummary
{
    public static void Write(RunReport report, TextWriter output)
    {
        var idWidth = Math.Max(6, report.Polls.Select(p => p.Source.Id.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"SOURCE".PadRight(idWidth)}  {"STATUS",-12} {"ENTRIES",7} {"NEW",5} {"UPDATED",7} {"MERGED",6} {"TIME",7}  DETAIL");
        foreach (var poll in report.Polls)
        {
            var counts = poll.Status == PollStatus.Ok
                ? $"{poll.Entries,7} {poll.Ingest.Added,5} {poll.Ingest.Updated,7} {poll.Ingest.Merged,6}"
                : $"{"-",7} {"-",5} {"-",7} {"-",6}";
            var time = string.Create(CultureInfo.InvariantCulture, $"{poll.Elapsed.TotalSeconds:0.0} s");
            output.WriteLine($"{poll.Source.Id.PadRight(idWidth)}  {Describe(poll.Status),-12} {counts} {time,7}  {poll.Error}");
        }

        var failed = report.Polls.Count(p => !p.Succeeded);
        var added = report.Polls.Sum(p => p.Ingest.Added);
        var updated = report.Polls.Sum(p => p.Ingest.Updated);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Polls.Count} sources: {report.Polls.Count - failed} ok, {failed} failed; {added} new, {updated} updated articles; {report.RowsWritten} store rows written; {report.Publish?.Written.Count ?? 0} files written in {report.Elapsed.TotalSeconds:0.0} s"));
    }

    private static string Describe(PollStatus status) => status switch
    {
        PollStatus.Ok => "ok",
        PollStatus.NotModified => "not-modified",
        PollStatus.Deferred => "deferred",
        _ => "failed",
    };
}
