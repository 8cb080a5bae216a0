using System.Diagnostics;
using System.Text.Json;

namespace Aggregator.Tests.Http.Clients;

/// <summary>
/// Python feedparser (Debian python3-feedparser, run by /usr/bin/python3) fetching feeds over HTTP
/// the way a reader polls: a first GET, then a conditional GET with the etag and modified values
/// feedparser returned from the first.
/// </summary>
internal static class FeedparserClient
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, sys, feedparser
        out = []
        for url in sys.argv[1:]:
            d = feedparser.parse(url)
            again = feedparser.parse(url, etag=d.get("etag"), modified=d.get("modified"))
            out.append({
                "url": url, "status": d.get("status"), "bozo": bool(d.bozo),
                "bozoException": str(d.get("bozo_exception", "")), "version": d.version,
                "title": d.feed.get("title"), "etag": d.get("etag"), "modified": d.get("modified"),
                "encoding": d.headers.get("content-encoding"),
                "secondStatus": again.get("status"), "secondEntries": len(again.entries),
                "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
                             "published": e.get("published"), "updated": e.get("updated"),
                             "author": e.get("author")} for e in d.entries]})
        print(json.dumps(out))
        """;

    /// <summary>Fails the test, saying how to install it, when python3-feedparser is missing.</summary>
    public static void Require()
    {
        if (!File.Exists(Python))
            Assert.Fail($"Real-client test: {Python} is missing; install it with `apt-get install -y python3 python3-feedparser` (.ci/run does).");
        var probe = Run("-c", "import feedparser");
        if (probe.ExitCode != 0)
            Assert.Fail("Real-client test: Python feedparser is not installed; install it with `apt-get install -y python3-feedparser` (.ci/run does). " + probe.Error);
    }

    /// <summary>Fetches every URL twice (plain, then conditional) and returns feedparser's view of each.</summary>
    public static JsonDocument FetchTwice(IEnumerable<Uri> urls)
    {
        Require();
        var result = Run(["-c", Script, .. urls.Select(url => url.AbsoluteUri)]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException("feedparser failed: " + result.Error);
        return JsonDocument.Parse(result.Output);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // urllib would send even 127.0.0.1 through a proxy named in the environment.
        foreach (var proxy in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
            start.Environment.Remove(proxy);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("feedparser did not finish within 2 minutes.");
        }

        return (process.ExitCode, output, error.Result);
    }
}
