using System.Diagnostics;
using System.Text.Json;

namespace Aggregator.Tests.Support;

/// <summary>Python's feedparser (Debian python3-feedparser), a real client, reading a feed file.</summary>
internal static class PublishingFeedparser
{
    public const string MissingMessage = "Python feedparser is not installed: the real-client check of the Atom feeds needs it (apt-get install -y python3-feedparser; .ci/run installs it).";

    private const string Script = """
        import json, sys, feedparser
        d = feedparser.parse(sys.argv[1])
        print(json.dumps({
            "bozo": bool(d.bozo), "version": d.version, "title": d.feed.get("title"),
            "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
                         "published": e.get("published"), "updated": e.get("updated"),
                         "author": e.get("author"), "tags": [t.term for t in e.get("tags", [])],
                         "thumbnail": (e.get("media_thumbnail") or [{}])[0].get("url"),
                         "source": e.get("source", {}).get("title")} for e in d.entries]}))
        """;

    public static string? Python { get; } = Find();

    public static JsonDocument Parse(string file)
    {
        var start = new ProcessStartInfo(Python ?? throw new InvalidOperationException(MissingMessage))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException("feedparser failed: " + stderr.Result);
        return JsonDocument.Parse(stdout);
    }

    private static string? Find()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "/usr/local/bin/python3" })
        {
            if (!File.Exists(candidate))
                continue;
            using var probe = Process.Start(new ProcessStartInfo(candidate, "-c \"import feedparser\"")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            probe.WaitForExit();
            if (probe.ExitCode == 0)
                return candidate;
        }
        return null;
    }
}
