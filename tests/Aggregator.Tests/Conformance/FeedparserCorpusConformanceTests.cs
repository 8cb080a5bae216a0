using System.Text.Json;
using Aggregator.Tests.Support;
using Xunit.Abstractions;

namespace Aggregator.Tests.Conformance;

/// <summary>
/// Issue 7's acceptance: every file of feedparser's own test suite through the real parse and
/// normalize path, and feedparser's expectations on the fields of our article model judged against
/// the normalized articles.
/// </summary>
public sealed class FeedparserCorpusConformanceTests(ITestOutputHelper output)
{
    /// <summary>The fields of our article model, in the expectations' <c>categories</c> vocabulary.</summary>
    private static readonly HashSet<string> OurCategories = ["title", "link", "author", "dates", "categories", "id", "content", "enclosures", "thumbnail", "media"];

    /// <summary>Counting deliberate differences as passes (issue 7).</summary>
    private const double RequiredRate = 0.97;

    /// <summary>
    /// Raw rate measured when this test was written (67.94 %, 585 of 861, after the fixes of that change), minus one point.
    /// It is low because feedparser returns titles as HTML and sanitizes to its own policy: see DeliberateDifferences.
    /// </summary>
    private const double RequiredRawRate = 0.6694;

    [Fact]
    public void EveryCorpusFileIsNormalizedOrRefusedWithAParseError()
    {
        var results = ConformanceRun.Results;
        var problems = results.Values.Where(r => r.Problem is not null).Select(r => $"{r.File}: {r.Problem}").ToList();
        var refused = results.Values.Where(r => r.Refusal is not null).ToList();
        var unclear = refused.Where(r => !r.Refusal!.StartsWith("parse: ", StringComparison.Ordinal)).Select(r => $"{r.File}: unclear error \"{r.Refusal}\"");
        output.WriteLine($"{results.Count} files: {results.Values.Count(r => r.Feed is not null && r.Problem is null)} normalized " +
                         $"({results.Values.Sum(r => r.Articles.Count)} articles), {refused.Count} refused, {problems.Count} problems");
        foreach (var line in problems.Concat(refused.Select(r => $"refused {r.File}: {r.Refusal}")))
        {
            output.WriteLine(line);
        }

        Assert.True(results.Count > 2000, "the corpus should hold over 2,000 files");
        Assert.Empty(problems.Concat(unclear));
    }

    [Fact]
    public void FeedparsersExpectationsOnOurFieldsPass()
    {
        var outcomes = new List<(string File, List<CheckOutcome> Checks)>();
        int total = 0, noSimpleForm = 0, otherFields = 0;
        foreach (var line in ExpectationLines())
        {
            total++;
            using var json = JsonDocument.Parse(line);
            var record = json.RootElement;
            var file = record.GetProperty("path").GetString()!;
            if (!record.GetProperty("categories").EnumerateArray().Any(c => OurCategories.Contains(c.GetString()!)))
            {
                otherFields++;
                continue;
            }

            if (record.GetProperty("simple").ValueKind != JsonValueKind.Object)
            {
                noSimpleForm++;
                continue;
            }

            var result = ConformanceRun.Results[file];
            var checks = record.GetProperty("simple").GetProperty("checks").EnumerateArray()
                .SelectMany(c => ExpectationEvaluator.Evaluate(file, c, result)).ToList();
            outcomes.Add((file, checks));
        }

        var applicable = outcomes.Where(o => o.Checks.Any(c => c.Verdict != CheckVerdict.NotApplicable)).ToList();
        var misses = applicable.SelectMany(o => o.Checks).Where(c => c.Verdict == CheckVerdict.Miss).ToList();
        var deliberate = misses.Select(m => (Miss: m, Why: DeliberateDifferences.For(m))).Where(m => m.Why is not null).ToList();
        var rawPassed = applicable.Count(o => o.Checks.All(c => c.Verdict != CheckVerdict.Miss));
        var passedWithDeliberate = applicable.Count(o => o.Checks.All(c => c.Verdict != CheckVerdict.Miss || DeliberateDifferences.For(c) is not null));
        var raw = (double)rawPassed / applicable.Count;
        var rate = (double)passedWithDeliberate / applicable.Count;

        output.WriteLine($"{total} expectations: {otherFields} touch no field of ours, {noSimpleForm} have no simple form, " +
                         $"{outcomes.Count - applicable.Count} only name fields outside our model (not applicable), {applicable.Count} judged");
        output.WriteLine($"raw pass rate {raw:P2} ({rawPassed}/{applicable.Count}); counting deliberate differences as passes {rate:P2} ({passedWithDeliberate}/{applicable.Count})");
        foreach (var group in outcomes.SelectMany(o => o.Checks).Where(c => c.Verdict == CheckVerdict.NotApplicable).GroupBy(c => c.Reason).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  not applicable: {group.Count()} checks, {group.Key}");
        }

        foreach (var group in deliberate.GroupBy(d => d.Why!.Name))
        {
            output.WriteLine($"deliberate — {group.Key} ({group.Count()}): {group.First().Why!.Reason}");
            foreach (var (miss, _) in group)
            {
                output.WriteLine("  " + miss);
            }
        }

        foreach (var group in misses.Where(m => DeliberateDifferences.For(m) is null).GroupBy(m => m.Reason))
        {
            output.WriteLine($"miss — {group.Key} ({group.Count()}):");
            foreach (var miss in group)
            {
                output.WriteLine("  " + miss);
            }
        }

        Assert.True(rate >= RequiredRate, $"pass rate with deliberate differences {rate:P2} is below {RequiredRate:P0}");
        Assert.True(raw >= RequiredRawRate, $"raw pass rate {raw:P2} fell below {RequiredRawRate:P2}");
    }

    private static IEnumerable<string> ExpectationLines() =>
        new[] { "expectations.jsonl", "expectations-encoding-entities.jsonl" }
            .SelectMany(name => File.ReadLines(Path.Combine(ParsingCorpus.Root, "feedparser", name)));
}
