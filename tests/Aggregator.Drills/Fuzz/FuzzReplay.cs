using System.Diagnostics;
using System.Globalization;
using Aggregator.Cli;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;

namespace Aggregator.Drills.Fuzz;

/// <summary>`replay --seed S --index I`: rebuilds one input of a run and times it alone, to study a crash or a hang.</summary>
internal static class FuzzReplay
{
    public static int Command(DrillArguments args, TextWriter output)
    {
        var root = DrillPaths.RepositoryRoot();
        var seed = args.Int("--seed", 6);
        var index = args.Int("--index", 0);
        var (bytes, kinds, contentType) = new Mutator(SeedCorpus.Load(root, args.Text("--corpus")), seed).Create(index);
        output.WriteLine($"input {index} of seed {seed}: {bytes.Length} bytes, mutations {kinds}, content type {contentType ?? "none"}");
        if (args.Text("--save") is { } path)
            File.WriteAllBytes(path, bytes);
        var clock = Stopwatch.StartNew();
        var location = new Uri($"http://127.0.0.1/fuzz/{index}.xml");
        ParsedFeed feed;
        try
        {
            var parser = new FeedParser();
            var payload = new FeedPayload(bytes, contentType, location);
            var scanned = parser.Scan(payload);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scan: {(scanned is null ? "left to the full parse" : $"{scanned.Entries.Count} entries")} in {clock.Elapsed.TotalMilliseconds:0} ms"));
            feed = parser.Parse(payload);
        }
        catch (FeedParseException exception)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rejected cleanly in {clock.Elapsed.TotalMilliseconds:0} ms: {exception.Message}"));
            return 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parsed {feed.Entries.Count} entries in {clock.Elapsed.TotalMilliseconds:0} ms"));
        var articles = new ArticleNormalizer().Normalize(feed, ParseInput.AdHocSource(location, feed.Title), DateTimeOffset.UtcNow);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"normalized {articles.Count} articles after {clock.Elapsed.TotalMilliseconds:0} ms"));
        return 0;
    }
}
