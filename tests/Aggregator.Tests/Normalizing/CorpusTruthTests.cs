using System.Globalization;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Normalizing.Links;
using Aggregator.Parsing;
using Aggregator.Tests.Support;
using Xunit.Abstractions;

namespace Aggregator.Tests.Normalizing;

/// <summary>
/// The generated corpus (TestData/Normalizing/README.md, and one generated at test time): every title,
/// link, thumbnail and date as the generator says — including the Chinese sites' zone-less and CST
/// dates, read with no zone configured — through the real parser and normalizer, as polling runs them.
/// </summary>
public sealed class CorpusTruthTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public void EveryItemMatchesTheGeneratorsTruth()
    {
        var folder = Environment.GetEnvironmentVariable("NORMALIZING_CORPUS") is { Length: > 0 } custom
            ? custom
            : NormalizingPaths.TestData("corpus");
        var truthFile = Environment.GetEnvironmentVariable("NORMALIZING_CORPUS") is { Length: > 0 }
            ? folder.TrimEnd('/') + "_expected.tsv"
            : NormalizingPaths.TestData("corpus_expected.tsv");
        var (items, chinese, misses) = CompareWithTruth(folder, truthFile);
        output.WriteLine($"{items} items, {chinese} with the dates Chinese sites use, {misses.Count} misses");
        Assert.True(items > 0);
        Assert.True(misses.Count == 0, $"{misses.Count} misses in {items} items:\n" + string.Join("\n", misses.Take(20)));
    }

    [Fact]
    public async Task ACorpusGeneratedNowMatchesItsTruthIncludingTheChineseDates()
    {
        if (!File.Exists(Python))
        {
            // Assert.Skip is xunit v3; say plainly why nothing was checked.
            output.WriteLine($"SKIPPED: {Python} is missing, so ../shared/bench/gen_corpus.py cannot generate a corpus here.");
            return;
        }

        using var temp = new TempDirectory();
        var corpus = Path.Combine(temp.Path, "corpus");
        var generator = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Python)
        {
            ArgumentList = { NormalizingPaths.Shared("bench", "gen_corpus.py"), "--out", corpus, "--feeds", "60", "--items", "40", "--seed", "11" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = generator.StandardError.ReadToEndAsync();
        await generator.StandardOutput.ReadToEndAsync();
        Assert.True(generator.WaitForExit(TimeSpan.FromMinutes(2)), "gen_corpus.py did not finish in 2 minutes");
        Assert.True(generator.ExitCode == 0, "gen_corpus.py failed: " + await errors);

        var (items, chinese, misses) = CompareWithTruth(corpus, corpus + "_expected.tsv");
        output.WriteLine($"{items} items, {chinese} with the dates Chinese sites use (zone-less, 年月日 or CST), {misses.Count} misses");
        Assert.Equal(60 * 40, items);
        Assert.True(chinese > 0, "the generated corpus should hold items with the dates Chinese sites use");
        Assert.True(misses.Count == 0, $"{misses.Count} misses in {items} items:\n" + string.Join("\n", misses.Take(20)));
    }

    /// <summary>Parses and normalizes every file of <paramref name="folder"/> and compares each article with its truth line.</summary>
    private static (int Items, int ChineseDates, List<string> Misses) CompareWithTruth(string folder, string truthFile)
    {
        var truth = File.ReadAllLines(truthFile).Select(l => l.Split('\t')).ToLookup(f => f[0]);
        var parser = new FeedParser();
        var normalizer = new ArticleNormalizer();
        var seenAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var misses = new List<string>();
        int items = 0, chinese = 0;

        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var source = new SourceDefinition
            {
                Id = name,
                Title = name,
                Url = new Uri(path),
                Categories = ["财经"],
                Schedule = "0 */10 * * * ?",
            };
            var feed = parser.Parse(new FeedPayload(File.ReadAllBytes(path), null, new Uri(path)));
            var articles = normalizer.Normalize(feed, source, seenAt);
            var expected = truth[name].ToList();
            Assert.Equal(expected.Count, articles.Count);
            for (var i = 0; i < articles.Count; i++)
            {
                items++;
                if (IsChineseSiteDate(feed.Entries[i].Published ?? feed.Entries[i].Updated))
                    chinese++;
                var (article, fields) = (articles[i], expected[i]);
                Check(misses, name, "title", fields[1], article.Title);
                Check(misses, name, "link", CanonicalLink.Normalize(fields[2], null), article.Link);
                Check(misses, name, "date", fields[3], article.Published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                Check(misses, name, "thumbnail", fields[4], article.Thumbnail);
            }
        }

        return (items, chinese, misses);
    }

    /// <summary>The forms peers get wrong: no zone at all, 年月日, or CST (China Standard Time on these sites).</summary>
    private static bool IsChineseSiteDate(string? raw) =>
        raw is not null && (raw.Contains('年', StringComparison.Ordinal) || raw.Contains("CST", StringComparison.Ordinal)
                            || System.Text.RegularExpressions.Regex.IsMatch(raw, @"^\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?\s*$"));

    private static void Check(List<string> misses, string file, string field, string? expected, string? actual)
    {
        if (expected != actual)
            misses.Add($"{file} {field}: expected {expected}, got {actual}");
    }
}
