using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Aggregator.Drills.Xss;

/// <summary>Headless Chromium on a file:// page: the DOM after a virtual 5 s, read from --dump-dom.</summary>
internal static partial class Chromium
{
    /// <summary>The browser binary, or null when none is installed (Debian package `chromium`).</summary>
    public static string? Find(string? given = null)
    {
        var candidates = given is not null ? [given] : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
        return candidates.FirstOrDefault(File.Exists);
    }

    public static async Task<RenderedPage> RenderAsync(string browser, string page, CancellationToken cancellationToken = default)
    {
        var profile = Directory.CreateTempSubdirectory("xss-drill-profile-");
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var flag in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.FullName,
                "--virtual-time-budget=5000", "--dump-dom", new Uri(Path.GetFullPath(page)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(flag);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("xss: could not start chromium.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            string dom;
            try
            {
                dom = await process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                await error;
            }
            catch (OperationCanceledException)
            {
                // A page that never settles (a navigation loop) gives no DOM: counted as "scripts did not run".
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                dom = "";
            }
            return new RenderedPage(
                Number(AlertsAttribute().Match(dom)),
                Number(DangerousAttribute().Match(dom)),
                dom.Contains("data-hook=\"ready\"", StringComparison.Ordinal) && dom.Contains("data-census=\"done\"", StringComparison.Ordinal));
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static int Number(Match match) => match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex("data-xss-alerts=\"(\\d+)\"")]
    private static partial Regex AlertsAttribute();

    [GeneratedRegex("data-xss-dangerous=\"(\\d+)\"")]
    private static partial Regex DangerousAttribute();
}
