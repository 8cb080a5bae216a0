using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Conformance;

/// <summary>What the real pipeline (FeedParser, then ArticleNormalizer) made of one corpus file.</summary>
internal sealed record ConformanceResult(string File, ParsedFeed? Feed, IReadOnlyList<Article> Articles, string? Refusal, string? Problem);

/// <summary>
/// Runs every file of the feedparser corpus once through parse and normalize, as polling would, and
/// keeps the results for the tests of this folder (a static cache: the run is the expensive part).
/// </summary>
internal static class ConformanceRun
{
    /// <summary>Far above any file's real cost (a few ms): only a hang or a runaway loop reaches it.</summary>
    public static readonly TimeSpan PerFileTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A fixed first-seen time after every date in the corpus, so no date is clamped as "future".</summary>
    public static readonly DateTimeOffset SeenAt = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceResult>> LazyResults = new(RunAll);

    public static IReadOnlyDictionary<string, ConformanceResult> Results => LazyResults.Value;

    /// <summary>The ad-hoc source the <c>parse</c> command uses for a file: no categories, zone inferred.</summary>
    public static SourceDefinition AdHocSource(string file) => new()
    {
        Id = "adhoc",
        Title = "adhoc",
        Url = ParsingCorpus.Location(file),
        Categories = [],
        Schedule = "0 */10 * * * ?",
        TimeZone = null,
    };

    private static Dictionary<string, ConformanceResult> RunAll()
    {
        var parser = new FeedParser();
        var normalizer = new ArticleNormalizer();
        var results = new Dictionary<string, ConformanceResult>(StringComparer.Ordinal);
        foreach (var file in ParsingCorpus.AllFiles())
        {
            var work = Task.Run(() => RunOne(parser, normalizer, file));
            results[file] = work.Wait(PerFileTimeout)
                ? work.Result
                : new ConformanceResult(file, null, [], null, $"still running after {PerFileTimeout.TotalSeconds:0} s");
        }

        return results;
    }

    private static ConformanceResult RunOne(FeedParser parser, ArticleNormalizer normalizer, string file)
    {
        ParsedFeed feed;
        try
        {
            feed = ParsingCorpus.Parse(parser, file);
        }
        catch (FeedParseException refused)
        {
            return new ConformanceResult(file, null, [], refused.Message, null);
        }
#pragma warning disable CA1031 // every crash is listed by the test, not thrown
        catch (Exception crash)
        {
            return new ConformanceResult(file, null, [], null, $"parse crashed with {crash.GetType().Name}: {crash.Message}");
        }

        try
        {
            var articles = normalizer.Normalize(feed, AdHocSource(file), SeenAt);
            return new ConformanceResult(file, feed, articles, null, null);
        }
        catch (Exception crash)
        {
            return new ConformanceResult(file, feed, [], null, $"normalize crashed with {crash.GetType().Name}: {crash.Message}");
        }
#pragma warning restore CA1031
    }
}
