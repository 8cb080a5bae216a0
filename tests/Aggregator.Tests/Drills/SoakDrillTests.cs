using Aggregator.Drills;
using Aggregator.Drills.Soak;
using Xunit.Abstractions;

namespace Aggregator.Tests.Drills;

/// <summary>
/// The CI version of the soak: `serve` over 50 fixture sources polled every 5 s for 20 s of load on
/// the merged feeds (wrk when installed, else HttpClient loops). Memory is printed, not judged: the
/// run is too short for that (drills/run.sh runs the 10-minute version).
/// </summary>
public sealed class SoakDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ServeUnderLoadFailsNoRequestAndLosesNoServedArticle()
    {
        var work = Path.Combine(Path.GetTempPath(), "soak-drill-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SoakOptions
            {
                Duration = TimeSpan.FromSeconds(20), Feeds = 50, PollSeconds = 5, SampleSeconds = 2, Work = work, AggregatorDll = DrillPaths.AggregatorDll(),
            };
            var result = await SoakDrill.RunAsync(options, null);
            output.WriteLine(result.Summary());
            output.WriteLine("resident memory " + result.Curve());
            Assert.True(result.Passed, result.Summary() + "\n" + string.Join("\n", result.Problems));
            Assert.True(result.Load.Requests > 0, "the load made no request");
            Assert.True(result.ArticlesServed >= 50 * SoakFixture.InitialEntries, $"only {result.ArticlesServed} articles were served");
            Assert.False(result.MemoryJudged);
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }
}
