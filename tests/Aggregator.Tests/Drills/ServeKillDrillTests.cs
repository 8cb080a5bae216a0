using Aggregator.Drills;
using Aggregator.Drills.ServeKill;
using Xunit.Abstractions;

namespace Aggregator.Tests.Drills;

/// <summary>The CI version of the serve kill drill: three SIGKILLed `serve` child processes polling ten fixture feeds every 2 s, then a graceful stop.</summary>
public sealed class ServeKillDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledServeLeavesAnIntactStoreWholeFilesAndEveryCommittedArticle()
    {
        var work = Path.Combine(Path.GetTempPath(), "serve-kill-drill-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new ServeKillOptions { Rounds = 3, Feeds = 10, Seed = 12, PollSeconds = 2, Work = work, AggregatorDll = DrillPaths.AggregatorDll() };
            var result = await ServeKillDrill.RunAsync(options, null);
            output.WriteLine(result.Summary());
            Assert.True(result.Passed, result.Summary() + "\n" + string.Join("\n", result.Problems));
            Assert.True(result.CommittedChecked > 0, "no article was ever seen committed, so nothing was checked");
            Assert.Equal(3, result.Kills);
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }
}
