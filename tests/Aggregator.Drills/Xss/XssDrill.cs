using Aggregator.Cli;

namespace Aggregator.Drills.Xss;

/// <summary>
/// OWASP filter-evasion vectors in feed titles, bodies, links and thumbnails, through `run-once`
/// (in process, same code as the CLI) to published Atom, rendered in headless Chromium: no alert
/// may run and no script, handler or script URL may be left in the DOM. A control page with the raw
/// vectors must fire, which proves the hook sees execution.
/// </summary>
internal static class XssDrill
{
    public static async Task<int> CommandAsync(DrillArguments args, TextWriter output)
    {
        var work = args.Text("--work") ?? Path.Combine(Path.GetTempPath(), "aggregator-xss-drill-" + Environment.ProcessId);
        var browser = Chromium.Find(args.Text("--chromium"));
        var result = await RunAsync(work, XssFixtures.LoadVectors(), browser);
        // The command is the full drill: without a browser it has not shown anything about execution.
        if (browser is null)
        {
            output.WriteLine(result.Summary());
            output.WriteLine("  chromium is missing (Debian: apt-get install -y chromium): the drill cannot pass without it");
            return 1;
        }

        return DrillReport.Print(result, output);
    }

    public static async Task<XssResult> RunAsync(string work, IReadOnlyList<string> vectors, string? browser, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        var config = XssFixtures.Write(work, vectors);
        var output = Path.Combine(work, "out");
        using var log = new StringWriter();
        var exit = await CliApp.InvokeAsync(
            ["run-once", "--config", config, "--data", Path.Combine(work, "data"), "--out", output, "--log-level", "warning"], log, log, cancellationToken);
        var problems = new List<string>();
        if (exit != 0)
            problems.Add($"run-once exited with {exit}: {log.ToString().Trim()}");
        var (html, entries) = XssPage.FromPublished(Path.Combine(output, "feeds"));
        var page = Path.Combine(work, "published.html");
        await File.WriteAllTextAsync(page, html, cancellationToken);
        // Titles, summaries and bodies of both documents, plus a link and a thumbnail per item.
        var placements = vectors.Count * 2 * 4;
        // The store merges entries it judges one story (vectors that sanitize to nothing leave look-alike
        // bodies), so fewer than 2 × vectors are published; far fewer means the fixtures did not arrive.
        if (entries < vectors.Count)
            problems.Add($"only {entries} entries were published for {vectors.Count * 2} fixture items");
        if (browser is null)
            return new XssResult(vectors.Count, placements, entries, null, null, problems);

        var control = Path.Combine(work, "control.html");
        await File.WriteAllTextAsync(control, XssPage.Control(vectors), cancellationToken);
        var published = await Chromium.RenderAsync(browser, page, cancellationToken);
        var raw = await Chromium.RenderAsync(browser, control, cancellationToken);
        if (!published.HookRan || !raw.HookRan)
            problems.Add("the drill's own scripts did not run in Chromium: the counts mean nothing");
        if (raw.Alerts <= 0)
            problems.Add("the control page fired no alert: the hook does not see execution");
        if (published.Alerts != 0)
            problems.Add($"{published.Alerts} alerts ran in the published page ({page})");
        if (published.Dangerous != 0)
            problems.Add($"{published.Dangerous} dangerous elements or attributes are in the published page ({page})");
        return new XssResult(vectors.Count, placements, entries, published, raw, problems);
    }
}
