using Aggregator.Model;
using Aggregator.Normalizing.Html;
using Aggregator.Parsing;

namespace Aggregator.Benchmarks;

/// <summary>
/// Realistic inputs for the micro-benchmarks: every entry of the recorded samples (samples/recorded)
/// and of the generated corpus in $MICRO_CORPUS when set (bench/micro.sh writes one with gen_corpus.py),
/// parsed by the real FeedParser, so the benchmarks see the dates, links, bodies and titles feeds send.
/// </summary>
internal sealed class BenchmarkInputs
{
    private static readonly Lazy<BenchmarkInputs> Shared = new(Load);

    private BenchmarkInputs(IReadOnlyList<ParsedEntry> entries)
    {
        Entries = entries;
        Dates = [.. entries.SelectMany(e => new[] { e.Published, e.Updated }).OfType<string>()];
        Links = [.. entries.Select(e => (e.Link, Base: e.BaseUri is { } b ? new Uri(b) : null)).Where(l => l.Link is not null).Select(l => (l.Link!, l.Base))];
        Bodies = [.. entries.Select(e => (e.Content ?? e.Summary, Base: e.Link is { } l && Uri.TryCreate(l, UriKind.Absolute, out var u) ? u : null))
            .Where(b => !string.IsNullOrWhiteSpace(b.Item1)).Select(b => (b.Item1!, b.Base))];
        Titles = [.. entries.Select(e => e.Title).OfType<string>()];
        var sanitizer = new BodySanitizer();
        PlainTexts = [.. Bodies.Select(b => sanitizer.Sanitize(b.Html, b.Base).PlainText).Where(t => t.Length > 0)];
    }

    public static BenchmarkInputs Instance => Shared.Value;

    public IReadOnlyList<ParsedEntry> Entries { get; }

    public string[] Dates { get; }

    public (string Link, Uri? Base)[] Links { get; }

    public (string Html, Uri? Base)[] Bodies { get; }

    public string[] Titles { get; }

    public string[] PlainTexts { get; }

    private static BenchmarkInputs Load()
    {
        var folders = new List<string> { Path.Combine(RepositoryRoot(), "samples", "recorded") };
        if (Environment.GetEnvironmentVariable("MICRO_CORPUS") is { Length: > 0 } corpus && Directory.Exists(corpus))
            folders.Add(corpus);
        var parser = new FeedParser();
        var entries = new List<ParsedEntry>();
        foreach (var file in folders.SelectMany(Directory.EnumerateFiles).Order(StringComparer.Ordinal))
        {
            try
            {
                entries.AddRange(parser.Parse(new FeedPayload(File.ReadAllBytes(file), null, new Uri("http://127.0.0.1/" + Path.GetFileName(file)))).Entries);
            }
            catch (FeedParseException)
            {
                // A sample that does not parse gives no inputs; the others still do.
            }
        }

        return entries.Count > 0 ? new BenchmarkInputs(entries) : throw new InvalidOperationException("micro: no feed entries found in " + string.Join(", ", folders));
    }

    /// <summary>The folder holding Aggregator.sln, searched upward from the current directory and the binary (BenchmarkDotNet runs from a generated folder).</summary>
    private static string RepositoryRoot()
    {
        foreach (var first in new[] { Environment.GetEnvironmentVariable("AGGREGATOR_REPO") ?? Directory.GetCurrentDirectory(), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(first); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Aggregator.sln")))
                    return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("micro: no Aggregator.sln above the current directory; run from the repository or set AGGREGATOR_REPO.");
    }
}
