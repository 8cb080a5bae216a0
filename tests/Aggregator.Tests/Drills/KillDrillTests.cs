using Aggregator.Drills;
using Aggregator.Drills.Kill;
using Xunit.Abstractions;

namespace Aggregator.Tests.Drills;

/// <summary>The CI version of the kill drill: three SIGKILLed `run-once` child processes over ten fixture feeds.</summary>
public sealed class KillDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledRunsLeaveAnIntactStoreWholeFilesAndNoLostArticles()
    {
        var work = Path.Combine(Path.GetTempPath(), "kill-drill-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new KillOptions { Rounds = 3, Feeds = 10, Seed = 11, Work = work, AggregatorDll = DrillPaths.AggregatorDll() };
            var result = await KillDrill.RunAsync(options, null);
            output.WriteLine(result.Summary());
            Assert.True(result.Passed, result.Summary() + "\n" + string.Join("\n", result.Problems));
            Assert.True(result.FinalArticles > 0, "the final clean run stored nothing");
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }
}
