using Aggregator.Normalizing.Identity;
using Xunit.Abstractions;

namespace Aggregator.Tests.Normalizing.Identity;

/// <summary>Runs the matcher over the labelled dedupe set and holds it to issue 4's targets.</summary>
public sealed class StoryMatcherLabelledSetTests(ITestOutputHelper output)
{
    [Fact]
    public void LabelledSetIsLargeEnoughAndBalanced()
    {
        var pairs = LabelledPair.Load();
        var duplicates = pairs.Count(static p => p.IsDuplicate);
        Assert.True(pairs.Count >= 240, $"only {pairs.Count} pairs");
        Assert.InRange(duplicates, pairs.Count * 2 / 5, pairs.Count * 3 / 5);
        Assert.Equal(pairs.Count, pairs.Select(static p => p.Id).Distinct().Count());
    }

    [Fact]
    public void MatcherReachesTheTargetPrecisionAndRecallOnTheLabelledSet()
    {
        var matcher = new StoryMatcher(new StoryMatchOptions());
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var pair in LabelledPair.Load())
        {
            var a = Candidate(pair.A);
            var b = Candidate(pair.B);
            var predicted = matcher.IsSameStory(a, b);
            Assert.Equal(predicted, matcher.IsSameStory(b, a));
            if (predicted && pair.IsDuplicate)
                truePositives++;
            else if (predicted)
                falsePositives++;
            else if (pair.IsDuplicate)
                falseNegatives++;
            if (predicted != pair.IsDuplicate)
                output.WriteLine(Describe(pair, a, b, predicted));
        }

        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        output.WriteLine($"precision {precision:F4} ({truePositives}/{truePositives + falsePositives}), recall {recall:F4} ({truePositives}/{truePositives + falseNegatives})");
        Assert.True(precision >= 0.99, $"precision {precision:F4} is below 0.99");
        Assert.True(recall >= 0.95, $"recall {recall:F4} is below 0.95");
    }

    /// <summary>What the normalizer stores for an article: the title key and the fingerprint of the plain-text body.</summary>
    private static StoryCandidate Candidate(LabelledArticle article) =>
        new(StoryIdentity.TitleKey(article.Title, article.Source), StoryIdentity.Fingerprint(article.Body), article.Published);

    private static string Describe(LabelledPair pair, StoryCandidate a, StoryCandidate b, bool predicted) =>
        $"{(predicted ? "FALSE MERGE" : "MISSED")} {pair.Id} [{pair.Kind}] distance {StoryIdentity.Distance(a.Fingerprint, b.Fingerprint)}, " +
        $"title similarity {TitleSimilarity.Jaccard(a.TitleKey, b.TitleKey):F2}, numbers conflict {TitleNumbers.Conflict(a.TitleKey, b.TitleKey)}, " +
        $"hours apart {(a.Published - b.Published).Duration().TotalHours:F1}\n  a: {a.TitleKey}\n  b: {b.TitleKey}";
}
