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
        var dom = await DumpDomAsync(browser, page, screenshot: null, cancellationToken);
        return new RenderedPage(
            Number(AlertsAttribute().Match(dom)),
            Number(DangerousAttribute().Match(dom)),
            dom.Contains("data-hook=\"ready\"", StringComparison.Ordinal) && dom.Contains("data-census=\"done\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// The DOM of a local page after a virtual 5 s (empty when it never settles), and optionally a PNG
    /// screenshot of it. Only file:// pages: the browser's background networking is off.
    /// </summary>
    public static async Task<string> DumpDomAsync(string browser, string page, string? screenshot, CancellationToken cancellationToken = default)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            if (screenshot is not null)
                await RunAsync(browser, profile, ["--window-size=1280,900", "--screenshot=" + Path.GetFullPath(screenshot)], page, cancellationToken);
            return await RunAsync(browser, profile, ["--dump-dom"], page, cancellationToken);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string browser, DirectoryInfo profile, string[] mode, string page, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] flags =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.FullName,
            "--virtual-time-budget=5000", .. mode, new Uri(Path.GetFullPath(page)).AbsoluteUri,
        ];
        foreach (var flag in flags)
            start.ArgumentList.Add(flag);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium: could not start " + browser);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            await error;
            return output;
        }
        catch (OperationCanceledException)
        {
            // A page that never settles (a navigation loop) gives no DOM: counted as "scripts did not run".
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return "";
        }
    }

    private static int Number(Match match) => match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex("data-xss-alerts=\"(\\d+)\"")]
    private static partial Regex AlertsAttribute();

    [GeneratedRegex("data-xss-dangerous=\"(\\d+)\"")]
    private static partial Regex DangerousAttribute();
}
