using System.Globalization;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Normalizing.Links;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Normalizing;

/// <summary>
/// The generated corpus (TestData/Normalizing/README.md): every title, link, thumbnail and date as the
/// generator says — including the Chinese sites' zone-less and CST dates, read with no zone configured.
/// </summary>
public sealed class CorpusTruthTests
{
    [Fact]
    public void EveryItemMatchesTheGeneratorsTruth()
    {
        var folder = Environment.GetEnvironmentVariable("NORMALIZING_CORPUS") is { Length: > 0 } custom
            ? custom
            : NormalizingPaths.TestData("corpus");
        var truthFile = Environment.GetEnvironmentVariable("NORMALIZING_CORPUS") is { Length: > 0 }
            ? folder.TrimEnd('/') + "_expected.tsv"
            : NormalizingPaths.TestData("corpus_expected.tsv");
        var truth = File.ReadAllLines(truthFile).Select(l => l.Split('\t')).ToLookup(f => f[0]);
        var normalizer = new ArticleNormalizer();
        var seenAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var misses = new List<string>();
        var items = 0;

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
            var articles = normalizer.Normalize(NormalizingCorpusReader.Read(path), source, seenAt);
            var expected = truth[name].ToList();
            Assert.Equal(expected.Count, articles.Count);
            for (var i = 0; i < articles.Count; i++)
            {
                items++;
                var (article, fields) = (articles[i], expected[i]);
                Check(misses, name, "title", fields[1], article.Title);
                Check(misses, name, "link", CanonicalLink.Normalize(fields[2], null), article.Link);
                Check(misses, name, "date", fields[3], article.Published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                Check(misses, name, "thumbnail", fields[4], article.Thumbnail);
            }
        }

        Assert.True(items > 0);
        Assert.True(misses.Count == 0, $"{misses.Count} misses in {items} items:\n" + string.Join("\n", misses.Take(20)));
    }

    private static void Check(List<string> misses, string file, string field, string? expected, string? actual)
    {
        if (expected != actual)
            misses.Add($"{file} {field}: expected {expected}, got {actual}");
    }
}
